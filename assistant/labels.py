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
STATUS_ZH = {
    "fixed": "已给出合规版本",
    "needs_input": "需要补充信息",
    "refused": "拒绝改写",
    "failed": "改写失败",
}


def config_line(source: str) -> str:
    """The footer every command prints: which config file this run used (or none)."""
    return f"配置：{source}"
