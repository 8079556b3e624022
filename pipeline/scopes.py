"""Where a record applies: the whole country, or one provincial-level division."""

from __future__ import annotations

NATIONAL = "national"

# id: (Chinese, English). Ids are the names used for folders: targets/<id>/<year>.yaml.
PROVINCES: dict[str, tuple[str, str]] = {
    "beijing": ("北京", "Beijing"), "tianjin": ("天津", "Tianjin"), "hebei": ("河北", "Hebei"),
    "shanxi": ("山西", "Shanxi"), "inner_mongolia": ("内蒙古", "Inner Mongolia"),
    "liaoning": ("辽宁", "Liaoning"), "jilin": ("吉林", "Jilin"),
    "heilongjiang": ("黑龙江", "Heilongjiang"), "shanghai": ("上海", "Shanghai"),
    "jiangsu": ("江苏", "Jiangsu"), "zhejiang": ("浙江", "Zhejiang"), "anhui": ("安徽", "Anhui"),
    "fujian": ("福建", "Fujian"), "jiangxi": ("江西", "Jiangxi"),
    "shandong": ("山东", "Shandong"), "henan": ("河南", "Henan"), "hubei": ("湖北", "Hubei"),
    "hunan": ("湖南", "Hunan"), "guangdong": ("广东", "Guangdong"),
    "guangxi": ("广西", "Guangxi"), "hainan": ("海南", "Hainan"),
    "chongqing": ("重庆", "Chongqing"), "sichuan": ("四川", "Sichuan"),
    "guizhou": ("贵州", "Guizhou"), "yunnan": ("云南", "Yunnan"), "tibet": ("西藏", "Tibet"),
    "shaanxi": ("陕西", "Shaanxi"), "gansu": ("甘肃", "Gansu"), "qinghai": ("青海", "Qinghai"),
    "ningxia": ("宁夏", "Ningxia"), "xinjiang": ("新疆", "Xinjiang"),
}
SCOPES: dict[str, tuple[str, str]] = {NATIONAL: ("全国", "National"), **PROVINCES}


def scope_name(scope: str, language: str = "en") -> str:
    """``全国`` / ``National``, ``广东`` / ``Guangdong``."""
    zh, en = SCOPES.get(scope, (scope, scope))
    return zh if language == "zh" else en
