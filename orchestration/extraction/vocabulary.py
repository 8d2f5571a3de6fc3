"""The vocabulary of a statement (unit, qualifier, kind) and the Chinese words that signal each.

These tables are judgements about the language of the reports, not about one report: they are
kept here, as data, so that the matching code stays free of literal wording.
"""
from __future__ import annotations

# --- the closed vocabularies (the answer key's README) -------------------------------------------
UNITS = ("count", "yuan", "usd", "percent", "percentage_points", "rank", "times", "ZB", "EB", "EFLOPS",
         "GB_per_user_month", "per_10k_population", "km", "TEU", "kWh", "ratio", "hours", "m")
QUALIFIERS = ("exact", "over", "near", "approx", "under")
KINDS = ("level", "share", "growth", "cagr", "multiple", "increment", "rank")

# --- magnitudes: the multiplier of a Chinese scale word (combinations multiply: 千亿 = 1e11) ------
MAGNITUDE = {"十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "亿": 1e8}

# --- units written after a number: surface form -> (unit, factor) --------------------------------
# Longest forms first where one is a prefix of another (个百分点 before 个).
UNIT_WORDS: dict[str, tuple[str, float]] = {
    "个百分点": ("percentage_points", 1.0),
    "百分点": ("percentage_points", 1.0),
    "%": ("percent", 1.0),
    "元人民币": ("yuan", 1.0),
    "美元": ("usd", 1.0),
    "元": ("yuan", 1.0),
    "倍": ("times", 1.0),
    "GB/户·月": ("GB_per_user_month", 1.0),
    "GB/户/月": ("GB_per_user_month", 1.0),
    "GB/用户/月": ("GB_per_user_month", 1.0),
    "EFLOPS": ("EFLOPS", 1.0),
    "ZB": ("ZB", 1.0),
    "泽字节": ("ZB", 1.0),
    "EB": ("EB", 1.0),
    "艾字节": ("EB", 1.0),
    "TEU": ("TEU", 1.0),
    "标准箱": ("TEU", 1.0),
    "千瓦时": ("kWh", 1.0),
    "kWh": ("kWh", 1.0),
    "公里": ("km", 1.0),
    "千米": ("km", 1.0),
    "km": ("km", 1.0),
    "个小时": ("hours", 1.0),
    "小时": ("hours", 1.0),
    "天": ("hours", 24.0),  # durations are kept in hours: "2 天" is 48 hours
    "米": ("m", 1.0),
}

# Measure words of a count. Multi-character ones first. Deliberately absent: 年 月 日 岁 周 (dates and
# ages), 级 (government levels), 强 (list names: 500 强), 部 (8部门 is a name of a group), 期 号 届 代.
COUNTERS = ("人次", "件次", "台套", "批次", "标准机架",
            "个", "家", "项", "件", "条", "次", "人", "户", "所", "座", "种", "款", "名", "篇", "门", "台",
            "套", "架", "块", "张", "笔", "份", "处", "起", "辆", "场", "版", "省", "艘", "颗", "枚", "本",
            "册", "栋", "间", "批", "例", "宗", "亩")

# --- qualifiers -----------------------------------------------------------------------------------
# Written before the number ("超过 98%"), longest first.
QUALIFIER_PREFIX = (
    ("超过了", "over"), ("超过", "over"), ("突破", "over"), ("多于", "over"), ("逾", "over"), ("超", "over"),
    ("接近", "near"), ("将近", "near"), ("近", "near"),
    ("大约", "approx"), ("约", "approx"),
    ("不足", "under"), ("不到", "under"), ("低于", "under"), ("优于", "under"), ("少于", "under"),
)
# Written between the number and its unit ("300 余项", "20 多个").
QUALIFIER_INFIX = {"余": "over", "多": "over"}
# Written after the figure ("60%以上", "4 小时以内", "1.1 左右").
QUALIFIER_SUFFIX = (("以上", "over"), ("之多", "over"), ("以内", "under"), ("以下", "under"), ("左右", "approx"),
                    ("上下", "approx"))

# --- kinds ----------------------------------------------------------------------------------------
# Words before a percentage (in its clause) that make it a compound or average annual growth.
CAGR_CUES = ("年均复合增长率", "复合增长率", "年均增速", "年均增长率", "年均增长", "年均增幅", "两年平均增长",
             "平均每年增长", "年平均增长")
# Verbs that, directly before a number (qualifiers aside), state a change rather than a level.
CHANGE_VERBS = ("同比增长", "同比下降", "同比提高", "同比减少", "增长", "增加", "提升", "提高", "上升", "上涨",
                "下降", "降低", "减少", "压缩", "缩短", "缩小", "扩大", "增", "降")
# Words before a count that make it an increment.
INCREMENT_CUES = ("新增", "净增", "增加了", "多了")

# Verbs (and the region word that may follow) that turn an ordinal "第二" into a rank.
RANK_VERBS = ("位居", "位列", "稳居", "居于", "居", "排名", "排在", "排", "蝉联", "列", "跃居", "保持", "名列",
              "至", "为")
RANK_REGIONS = ("全球", "世界", "全国", "国际", "亚洲")

# Subjects measured as a plain ratio (no unit written).
RATIO_SUBJECTS = ("PUE", "电能使用效率", "系数", "比值")
# Subjects that are "per 10 000 people".
PER_10K_CUES = ("每万人", "每万名", "每万口")

# Words in a section title or clause that mark the evaluation's own scope ("重点评估31个省（区、市）").
SCOPE_CUES = ("评估", "评价", "调查", "范围")
# A count of provinces ("31个省（区、市）") — a statement unless it is the evaluation's own scope.
PROVINCE_COUNT_TAIL = ("省（区、市）", "省(区、市)", "省（区，市）", "省（市）", "省(市)", "个省份", "省份")

# Enumeration words that multiply one figure over several subjects ("均", "都") or that sum them ("共").
SHARED_CUES = ("均", "都")
SUM_CUES = ("共", "合计", "总计", "分别")

# --- lists of subjects sharing a head ("A、B领域 X") ----------------------------------------------
# Nouns that end a measure: an item ending in one needs no head from the next item ("数量和应用规模").
MEASURE_HEADS = ("数量", "规模", "总量", "量", "数", "率", "额", "占比", "比重", "人次", "指数")
# Category nouns after coordinated modifiers: the shared head starts there ("计算机技术、数字通信领域…").
CATEGORY_NOUNS = ("领域", "行业", "产业", "地区", "区域")
