"""The fixtures carry every name of the reference table in English, Russian and Chinese.

The table is the "Names in three languages" of the project's reference facts
(shared/FACTS.md), character for character: ASCII parentheses and quotes, the dashes
as given. The Chinese name of the EXPO series is its full name, 中国-俄罗斯博览会,
without the short form 中俄博览会 given beside it.
"""

import pytest
from django.utils import translation

from cooperation import models as coop
from expo import models as expo

NAMES = [
    # (model, slug, en, ru, zh-hans)
    (
        expo.ExhibitionSeries,
        "china-russia-expo",
        "China-Russia EXPO",
        "Российско-Китайское ЭКСПО",
        "中国-俄罗斯博览会",
    ),
    (coop.City, "harbin", "Harbin", "Харбин", "哈尔滨"),
    (
        coop.Region,
        "heilongjiang",
        "Heilongjiang Province",
        "провинция Хэйлунцзян",
        "黑龙江省",
    ),
    (coop.Region, "guangdong", "Guangdong Province", "провинция Гуандун", "广东省"),
    (
        coop.Region,
        "sakha",
        "Republic of Sakha (Yakutia)",
        "Республика Саха (Якутия)",
        "萨哈（雅库特）共和国",
    ),
    (coop.City, "yakutsk", "Yakutsk", "Якутск", "雅库茨克"),
    (coop.Region, "northeast-china", "Northeast China", "Северо-Восточный Китай", "中国东北地区"),
    (
        coop.Region,
        "russian-far-east",
        "Russian Far East",
        "Дальний Восток России",
        "俄罗斯远东地区",
    ),
    (
        coop.Region,
        "far-eastern-federal-district",
        "Far Eastern Federal District",
        "Дальневосточный федеральный округ",
        "远东联邦区",
    ),
    (
        coop.Region,
        "volga-federal-district",
        "Volga Federal District",
        "Приволжский федеральный округ",
        "伏尔加河沿岸联邦区",
    ),
    (
        coop.Region,
        "yangtze-upper-middle-reaches",
        "Upper and middle reaches of the Yangtze River",
        "Верхнее и среднее течение реки Янцзы",
        "长江中上游地区",
    ),
    (
        coop.CooperationMechanism,
        "northeast-china-russian-far-east",
        "Northeast China - Russian Far East",
        "«Северо-Восток — Дальний Восток»",
        "中俄“东北—远东”合作机制",
    ),
    (
        coop.CooperationMechanism,
        "yangtze-volga",
        "Yangtze - Volga",
        "«Волга — Янцзы»",
        "中俄“长江—伏尔加河”合作机制",
    ),
    (
        coop.CooperationYears,
        "years-of-interregional-cooperation-2018-2019",
        "Years of China-Russia Interregional Cooperation",
        "Годы российско-китайского межрегионального сотрудничества",
        "中俄地方合作交流年",
    ),
    (
        expo.ForumSeries,
        "china-russia-forum-of-interregional-cooperation",
        "China-Russia Forum of Interregional Cooperation",
        "Российско-китайский форум по межрегиональному сотрудничеству",
        "中俄地方合作论坛",
    ),
    (
        coop.Council,
        "council-on-interregional-cooperation",
        "Council on Interregional Cooperation",
        "Совет по межрегиональному сотрудничеству",
        "中俄地方合作理事会",
    ),
    (
        coop.InvestmentFund,
        "regional-cooperation-development-investment-fund",
        "China-Russia Regional Cooperation Development Investment Fund",
        "Российско-Китайский инвестиционный фонд регионального развития и сотрудничества",
        "中俄地区合作发展投资基金",
    ),
]


@pytest.mark.parametrize(
    "model,slug,en,ru,zh", NAMES, ids=[f"{row[0].__name__}:{row[1]}" for row in NAMES]
)
def test_fixture_names_match_the_reference_table(article_data, model, slug, en, ru, zh):
    record = model.objects.get(slug=slug)
    for code, expected in [("en", en), ("ru", ru), ("zh-hans", zh)]:
        with translation.override(code):
            assert record.name == expected, code


def test_the_exhibition_and_forum_have_their_names_in_every_language(article_data):
    exhibition = expo.Exhibition.objects.get(slug="6th-china-russia-expo")
    assert (exhibition.name_ru, exhibition.name_zh_hans) == (
        "6-е Российско-Китайское ЭКСПО",
        "第六届中国-俄罗斯博览会",
    )
    forum = expo.Forum.objects.get(slug="2nd-china-russia-forum-of-interregional-cooperation")
    assert forum.name_zh_hans == "第二届中俄地方合作论坛"
