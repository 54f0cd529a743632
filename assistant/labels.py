"""Chinese labels for codes shown to users; the CLI and the UI must say the same thing."""

from __future__ import annotations

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
VERDICT_ZH = {"pass": "通过", "review": "需复核", "fail": "不通过"}
KIND_ZH = {"marketing": "营销", "service": "服务通知", "uncertain": "类型不确定"}
CONFIDENCE_ZH = {
    "verified": "已核实",
    "secondary": "二手资料",
    "recalled": "凭记忆，待核实",
    "guide": "合规指南",
    "unresolved": "未找到出处",
}
FIX_ZH = {"safe": "安全修复", "unsafe": "需确认的修改", "needs_input": "需补充信息", "none": "不可改写"}
#: Rewrite statuses: the CLI, its JSON and the UI say the same words for the same outcome.
STATUS_ZH = {
    "unchanged": "原稿已合规，无需修改",
    "fixed": "已给出合规版本",
    "needs_input": "需要补充信息",
    "refused": "拒绝改写",
    "failed": "改写失败",
}
#: What a rewrite asks the user for (the needs-input form's field labels).
NEEDS_ZH = {
    "annualized_rate": "年化利率（或区间）",
    "official_url": "官方网站链接",
    "compliant_return_figure": "符合产品说明书的业绩比较基准（不超过阈值）",
    "past_performance_disclosure": "过往业绩的统计期间与数据来源",
    "signature": "已报备的短信签名",
    "placeholder_value": "模板变量的实际内容",
    "message_content": "短信正文（产品、活动或通知的内容）",
}
#: The visible placeholder a partial version carries for each missing fact: 【请填写：年化利率】.
PLACEHOLDER_ZH = {
    "annualized_rate": "年化利率",
    "official_url": "官方网站链接",
    "compliant_return_figure": "业绩比较基准",
    "past_performance_disclosure": "统计期间与数据来源",
    "signature": "短信签名",
    "placeholder_value": "模板变量内容",
    "message_content": "短信正文",
}
#: Styles of versions: the offline minimal edit, the guide's value-led wording, the shortest, and the rest.
STYLE_ZH = {
    "original": "原稿",
    "minimal": "最小修改版",
    "value_led": "价值传递版",
    "shortest": "精简单条版",
    "partial": "待补充版（含占位，未合规）",
    "remove_instead": "删除替代版",
    "model": "大模型改写版",
}


def config_line(source: str) -> str:
    """The footer every command prints: which config file this run used (or none)."""
    return f"配置：{source}"
