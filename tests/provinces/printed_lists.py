"""The eight ranking lists of the 2021 edition as printed in its 第三篇 (lines 580-618), read by hand:
{dimension_key: (printed name, line, provinces in printed order)}. Shared by the extractor and mart tests."""

PRINTED_2021 = {
    "digital_overall": ("数字化综合发展水平", 580, "浙江 北京 上海 广东 江苏 山东 天津 福建 湖北 四川"),
    "digital_infrastructure": ("数字基础设施建设水平", 592, "北京 上海 浙江 江苏 天津 广东 重庆 河南 山东 四川"),
    "digital_technology_innovation": ("数字技术创新水平", 596, "北京 上海 广东 江苏 天津 浙江 湖北 四川 陕西 福建"),
    "digital_economy": ("数字经济发展水平", 600, "江苏 广东 浙江 上海 北京 山东 福建 安徽 四川 江西"),
    "digital_government": ("数字政府建设水平", 606, "浙江 广东 北京 上海 贵州 四川 山东 湖北 江苏 福建"),
    "digital_society": ("数字社会建设水平", 610, "浙江 上海 广东 江西 北京 江苏 山东 重庆 辽宁 福建"),
    "cybersecurity": ("网络安全建设水平", 614, "山东 北京 天津 上海 湖北 四川 浙江 广东 重庆 辽宁"),
    "digital_development_environment": ("数字化发展环境建设水平", 618, "浙江 北京 天津 江苏 广东 上海 山东 福建 安徽 河北"),
}
