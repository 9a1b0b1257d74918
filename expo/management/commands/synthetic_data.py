"""Generate (or remove) a synthetic dataset for load testing: enterprises, sectors and
their participations in the existing exhibitions.

    manage.py synthetic_data                      # 100,000 enterprises, 100,000 participations
    manage.py synthetic_data --enterprises 1000 --participations 2000
    manage.py synthetic_data --remove

Every synthetic record is marked: its slug starts with ``synthetic-`` and its English
description says it is synthetic, so it is never mistaken for (or mixed into) the
article data. The enterprises spread over the live regions (each with its region's
country) and over synthetic sectors; participations go to the live exhibitions. Rows
are written with ``bulk_create`` and removed with bulk deletes, so 100,000 of each take
seconds, without history versions (the history is for staff edits, and these records
are thrown away). The command refuses to create a second set on top of the first.
"""

import itertools
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from cooperation.models import Region
from expo.models import Enterprise, EnterpriseParticipation, Exhibition, Sector
from publishing.models import EditorialStatus
from web.cache import content_changed

PREFIX = "synthetic-"
DESCRIPTION = "Synthetic record generated for load testing (manage.py synthetic_data)."
BATCH = 5000

# Word lists for names: 40 x 25 combinations, so a two-word search finds about one
# enterprise in a thousand, as a real name search would.
FIRST = [
    "Amur",
    "Baikal",
    "Harbin",
    "Khingan",
    "Sakhalin",
    "Ussuri",
    "Zeya",
    "Lena",
    "Songhua",
    "Tumen",
    "Altai",
    "Kolyma",
    "Argun",
    "Birobidzhan",
    "Primorye",
    "Suifen",
    "Heihe",
    "Mudan",
    "Jiamusi",
    "Qiqihar",
    "Daqing",
    "Yichun",
    "Aldan",
    "Vilyuy",
    "Olyokma",
    "Neryungri",
    "Mirny",
    "Tynda",
    "Chita",
    "Irkutsk",
    "Bratsk",
    "Angara",
    "Yenisei",
    "Tomsk",
    "Omsk",
    "Ural",
    "Kama",
    "Volga",
    "Oka",
    "Don",
]
SECOND = [
    "Machinery",
    "Timber",
    "Grain",
    "Logistics",
    "Energy",
    "Textiles",
    "Ceramics",
    "Pharmaceuticals",
    "Minerals",
    "Fisheries",
    "Dairy",
    "Electronics",
    "Instruments",
    "Chemicals",
    "Trading",
    "Construction",
    "Glassworks",
    "Papermill",
    "Shipyard",
    "Tractors",
    "Optics",
    "Robotics",
    "Agritech",
    "Furniture",
    "Bearings",
]
SECTORS = [
    "Agriculture",
    "Automotive",
    "Chemicals",
    "Construction",
    "Electronics",
    "Energy",
    "Food",
    "Forestry",
    "Logistics",
    "Machinery",
    "Medicine",
    "Metals",
    "Mining",
    "Retail",
    "Services",
    "Shipbuilding",
    "Software",
    "Textiles",
    "Tourism",
    "Trade",
]


def analyze():
    """Refresh the planner's statistics: 100,000 new rows would otherwise look like none.

    On PostgreSQL also merge the trigram (GIN) indexes' pending lists, as autovacuum
    would later: until then every name search reads the 100,000 new entries one by one
    (4.5 ms instead of 12.7 ms for a search of the directory, measured).
    """
    tables = [m._meta.db_table for m in (Enterprise, EnterpriseParticipation, Sector)]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {', '.join(tables)}")
            cursor.execute(
                "SELECT gin_clean_pending_list(indexrelid) FROM pg_index "
                "JOIN pg_class ON pg_class.oid = pg_index.indexrelid "
                "JOIN pg_am ON pg_am.oid = pg_class.relam "
                "WHERE pg_am.amname = 'gin' AND pg_index.indrelid = ANY(%s::regclass[])",
                [tables],
            )
        elif connection.vendor == "sqlite":
            cursor.execute("ANALYZE")


def synthetic(model):
    return model.objects.filter(slug__startswith=PREFIX)


class Command(BaseCommand):
    help = "Create (or with --remove delete) a marked synthetic dataset for load testing."

    def add_arguments(self, parser):
        parser.add_argument("--enterprises", type=int, default=100_000)
        parser.add_argument("--participations", type=int, default=100_000)
        parser.add_argument("--sectors", type=int, default=len(SECTORS))
        parser.add_argument(
            "--remove", action="store_true", help="Delete the synthetic records, nothing else."
        )

    def handle(self, *args, enterprises, participations, sectors, remove, **options):
        started = time.monotonic()
        if remove:
            counts = self.remove()
            content_changed()  # bulk deletes send no signal (web/cache.py)
            analyze()
            self.stdout.write(
                f"Removed {counts[0]} enterprises, {counts[1]} participations and "
                f"{counts[2]} sectors in {time.monotonic() - started:.1f} s."
            )
            return
        if min(enterprises, participations, sectors) < 0 or not 1 <= sectors <= len(SECTORS):
            raise CommandError(
                f"Counts must not be negative; sectors between 1 and {len(SECTORS)}."
            )
        if synthetic(Enterprise).exists() or synthetic(Sector).exists():
            raise CommandError("A synthetic dataset exists already; remove it first (--remove).")
        regions = list(Region.objects.published().order_by("pk").values_list("pk", "country_id"))
        exhibitions = list(
            Exhibition.objects.published().order_by("pk").values_list("pk", flat=True)
        )
        if enterprises and not regions:
            raise CommandError("No live region to place enterprises in; load the article data.")
        if participations and not exhibitions:
            raise CommandError("No live exhibition to take part in; load the article data.")
        if participations > enterprises * len(exhibitions):
            raise CommandError(
                f"At most {enterprises * len(exhibitions)} participations: each enterprise "
                f"takes part in each of the {len(exhibitions)} live exhibitions at most once."
            )
        with transaction.atomic():
            self.create(enterprises, participations, sectors, regions, exhibitions)
        content_changed()  # bulk_create sends no signal (web/cache.py)
        analyze()
        self.stdout.write(
            f"Created {enterprises} enterprises, {participations} participations and "
            f"{sectors} sectors in {time.monotonic() - started:.1f} s."
        )

    def create(self, enterprises, participations, sectors, regions, exhibitions):
        published = EditorialStatus.PUBLISHED
        Sector.objects.bulk_create(
            Sector(
                slug=f"{PREFIX}sector-{n:02d}",
                name_en=f"{name} (synthetic)",
                name_ru=f"{name} (синтетическая отрасль)",
                name_zh_hans=f"{name}（合成行业）",
                status=published,
            )
            for n, name in enumerate(SECTORS[:sectors], start=1)
        )
        sector_ids = list(synthetic(Sector).order_by("slug").values_list("pk", flat=True))
        names = itertools.cycle(itertools.product(FIRST, SECOND))

        def enterprise(n):
            first, second = next(names)
            region_id, country_id = regions[n % len(regions)]
            return Enterprise(
                slug=f"{PREFIX}enterprise-{n:06d}",
                name_en=f"{first} {second} {n:06d}",
                name_ru=f"Предприятие {first} {second} {n:06d}",
                name_zh_hans=f"合成企业 {first} {second} {n:06d}",
                description_en=DESCRIPTION,
                country_id=country_id,
                region_id=region_id,
                sector_id=sector_ids[n % len(sector_ids)],
                status=published,
            )

        for start in range(0, enterprises, BATCH):
            Enterprise.objects.bulk_create(
                [enterprise(n) for n in range(start, min(start + BATCH, enterprises))]
            )
        enterprise_ids = list(synthetic(Enterprise).order_by("slug").values_list("pk", flat=True))
        # Participation k pairs enterprise k mod N with exhibition k div N: never twice the same.
        for start in range(0, participations, BATCH):
            EnterpriseParticipation.objects.bulk_create(
                EnterpriseParticipation(
                    enterprise_id=enterprise_ids[k % enterprises],
                    exhibition_id=exhibitions[k // enterprises],
                )
                for k in range(start, min(start + BATCH, participations))
            )

    @transaction.atomic
    def remove(self):
        """Bulk-delete the synthetic rows, bypassing per-row signals (and history versions).

        A synthetic sector that staff have since given to a real enterprise is kept.
        """
        participations = EnterpriseParticipation.objects.filter(enterprise__slug__startswith=PREFIX)
        counts = [synthetic(Enterprise).count(), participations.count()]
        participations._raw_delete(participations.db)
        enterprises = synthetic(Enterprise)
        enterprises._raw_delete(enterprises.db)
        sectors = synthetic(Sector).filter(enterprises__isnull=True)
        counts.append(sectors.count())
        sectors = Sector.objects.filter(pk__in=list(sectors.values_list("pk", flat=True)))
        sectors._raw_delete(sectors.db)
        return counts
