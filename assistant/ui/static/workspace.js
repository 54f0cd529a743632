// The workspace's behaviour in the browser: Chinese for Gradio's own strings, Enter to send,
// the editor's debounced live check, cards ↔ highlighted spans, copy as plain text, and the
// bridge that turns a card's button into one Python event (#ui-action + #ui-action-go).
(() => {
  if (window.__smsWorkspace) return;
  window.__smsWorkspace = true;

  // 1. Gradio picks its built-in translations from navigator.language: always simplified Chinese.
  try {
    Object.defineProperty(Navigator.prototype, "language", { get: () => "zh-CN", configurable: true });
    Object.defineProperty(Navigator.prototype, "languages", { get: () => ["zh-CN", "zh"], configurable: true });
  } catch (e) { /* read-only in some browsers: the server side still says everything in Chinese */ }

  // 2. The few strings Gradio writes in English whatever the locale.
  const ZH = {
    "Connection to the server was lost. Attempting reconnection...": "与服务器的连接已断开，正在尝试重新连接……",
    "Info": "提示", "Warning": "警告", "Error": "错误", "Success": "成功",
    "Loading...": "加载中……", "Loading…": "加载中……", "Loading": "加载中", "Close": "关闭", "Copy": "复制", "Copied!": "已复制",
    "Copy message": "复制", "Clear": "清除", "Like": "赞", "Dislike": "踩",
    "Sort ascending": "升序排序", "Sort descending": "降序排序", "Clear sort": "清除排序",
    "Filter": "筛选", "Search": "搜索", "Drop File Here": "将文件拖放到此处", "- or -": "或",
    "Click to Upload": "点击上传", "Use via API": "通过 API 使用", "Built with Gradio": "使用 Gradio 构建",
    "Settings": "设置", "Stop": "停止", "Retry": "重试", "Undo": "撤销",
    "processing": "处理中", "queue": "排队", "Waiting": "等待中",
    // keys missing from Gradio's zh-CN file (it falls back to English), or never translated
    "common.complete": "完成", "Complete": "完成", "Download All": "全部下载", "Progress": "进度",
    "Clear filters": "清除筛选", "Copy message": "复制消息", "Copied message": "已复制消息",
    "Run": "运行", "Runs": "运行记录", "Record": "录制", "Stop Recording": "停止录制",
    "Return to the app": "返回应用", "View runs saved in this browser": "查看保存在此浏览器中的运行记录",
  };
  // Texts Gradio assembles around numbers (the progress timer, the queue position).
  const PATTERNS = [
    [/^processing \|$/, "处理中 |"],
    [/^queue: (\d+)\/(\d*) \|$/, "排队：$1/$2 |"],
    // status.queue_position is missing from Gradio's zh-CN file: it falls back to English
    [/^In queue: (\d+) of (\d+)$/, "排队中：第 $1 位，共 $2 位"],
    [/^In queue$/, "排队中"],
    [/^(\d+(?:\.\d+)?)(\/\d+(?:\.\d+)?)?s$/, "$1$2 秒"],
  ];
  function zh(text) {
    const t = text.trim();
    if (!t) return null;
    if (ZH[t]) return text.replace(t, ZH[t]);
    for (const [re, to] of PATTERNS) if (re.test(t)) return text.replace(t, t.replace(re, to));
    return null;
  }
  const ATTRS = ["title", "aria-label", "placeholder"];
  function translate(root) {
    if (!root) return;
    if (root.nodeType === Node.TEXT_NODE) {
      const out = zh(root.nodeValue);
      if (out !== null && out !== root.nodeValue) root.nodeValue = out;
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    for (const a of ATTRS) {
      const v = root.getAttribute && root.getAttribute(a);
      if (v && ZH[v.trim()]) root.setAttribute(a, ZH[v.trim()]);
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    let n;
    while ((n = walker.nextNode())) {
      if (n.nodeType === Node.TEXT_NODE) {
        const out = zh(n.nodeValue);
        if (out !== null && out !== n.nodeValue) n.nodeValue = out;
      } else {
        for (const a of ATTRS) {
          const v = n.getAttribute(a);
          if (v && ZH[v.trim()]) n.setAttribute(a, ZH[v.trim()]);
        }
      }
    }
  }
  function startTranslating() {
    translate(document.body);
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "characterData") translate(r.target);
        for (const node of r.addedNodes) translate(node);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }
  if (document.body) startTranslating();
  else document.addEventListener("DOMContentLoaded", startTranslating);

  const $ = (sel) => document.querySelector(sel);
  const textarea = (id) => $(`#${id} textarea`) || $(`#${id} input`);

  // 3. Enter sends, Shift+Enter is a new line; never while an input method is composing.
  //    Gradio's textbox would send on Shift+Enter (keydown and keypress): both are kept from it.
  document.addEventListener("keypress", (e) => {
    const t = e.target;
    if (e.key === "Enter" && t instanceof HTMLTextAreaElement && t.closest("#chat-input")) e.stopPropagation();
  }, true);
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    if (e.key !== "Enter" || !(t instanceof HTMLTextAreaElement) || !t.closest("#chat-input")) return;
    if (e.isComposing || e.keyCode === 229) return;
    e.stopPropagation(); // Gradio's own handler would send on Shift+Enter
    if (e.shiftKey) return; // the browser inserts the new line
    e.preventDefault();
    const send = $("#send-btn");
    if (send) send.click();
  }, true);

  // 4. The editor re-checks 300 ms after the last keystroke.
  let timer = null;
  document.addEventListener("input", (e) => {
    const t = e.target;
    if (!(t instanceof HTMLTextAreaElement) || !t.closest("#draft-editor")) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      window.__liveSentAt = performance.now();
      const go = $("#live-go");
      if (go) go.click();
    }, 300);
  }, true);

  // 5. The bridge: a card's button becomes one event with a JSON payload.
  window.smsAction = (payload) => {
    const box = textarea("ui-action");
    const go = $("#ui-action-go");
    if (!box || !go) return;
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), "value").set;
    setter.call(box, JSON.stringify({ ...payload, nonce: Date.now() + Math.random() }));
    box.dispatchEvent(new Event("input", { bubbles: true }));
    setTimeout(() => go.click(), 0);
  };

  function copyText(text, button) {
    const done = () => { if (button) { const old = button.textContent; button.textContent = "已复制"; setTimeout(() => { button.textContent = old; }, 1500); } };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, () => fallbackCopy(text) && done());
    } else if (fallbackCopy(text)) done();
  }
  function fallbackCopy(text) {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok;
  }

  function selectSpan(start, end) {
    const box = textarea("draft-editor");
    if (!box) return;
    const s = Number(start), t = Number(end);
    box.focus({ preventScroll: true });
    box.setSelectionRange(s, Math.max(s, t));
  }
  function activate(index) {
    document.querySelectorAll("#draft-view .active, #cards .fcard.active").forEach((n) => n.classList.remove("active"));
    document.querySelectorAll(`#draft-view [data-f~="${index}"]`).forEach((m) => {
      m.classList.add("active");
      m.scrollIntoView({ block: "nearest" });
    });
    const card = $(`#fcard-${index}`);
    if (card) card.classList.add("active");
  }

  document.addEventListener("click", (e) => {
    const el = e.target instanceof Element ? e.target : null;
    if (!el) return;
    const copy = el.closest("[data-copy]");
    if (copy) { e.preventDefault(); copyText(copy.getAttribute("data-copy"), copy); return; }
    const act = el.closest("[data-act]");
    if (act && act.closest("#draft-pane")) {
      e.preventDefault();
      act.disabled = true;
      const payload = { op: act.getAttribute("data-act") };
      for (const k of ["i", "code", "start", "end", "v", "key"]) {
        const v = act.getAttribute(`data-${k}`);
        if (v !== null) payload[k] = v;
      }
      window.smsAction(payload);
      return;
    }
    const card = el.closest(".fcard");
    if (card && !el.closest("details, button, a")) {
      const i = card.getAttribute("data-i");
      activate(i);
      selectSpan(card.getAttribute("data-start"), card.getAttribute("data-end"));
      return;
    }
    const mark = el.closest("#draft-view [data-f]");
    if (mark) {
      const first = mark.getAttribute("data-f").split(" ")[0];
      activate(first);
      const target = $(`#fcard-${first}`);
      if (target) {
        target.scrollIntoView({ block: "nearest", behavior: "smooth" });
        target.classList.remove("flash");
        void target.offsetWidth;
        target.classList.add("flash");
      }
    }
  });
})();
