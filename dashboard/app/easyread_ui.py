"""Streamlit glue for easy read: the Easy read switch on every page (``?mode=easy``), the
large-text high-contrast theme, the "Read to me" button and one easy-read screen.

``ui.page_setup`` calls :func:`mode_switch`; ``pages/easy-read.py`` calls the rest. The words
come from :mod:`dashboard.easyread` (no Streamlit there).
"""

from __future__ import annotations

import html
import re

import streamlit as st

from dashboard import easyread
from dashboard.easyread import EasyReadFigure

EASY_PAGE = "pages/easy-read.py"
MODE_KEY = "_easy_mode"

#: the easy-read theme: text at least 20 px (22 px; 24 px on a window 1800 px or wider),
#: near-black on white, short lines, a thick focus ring, big buttons. Streamlit sizes its text in
#: rem, so the root size scales the whole page.
THEME_CSS = """
<style>
  html { font-size: 22px !important; }
  @media (min-width: 1800px) { html { font-size: 24px !important; } }
  body, [data-testid="stAppViewContainer"], [data-testid="stSidebar"] {
    font-size: 1rem !important; color: #0b0c0c !important; background: #ffffff;
  }
  [data-testid="stAppViewContainer"] p, [data-testid="stAppViewContainer"] li,
  [data-testid="stAppViewContainer"] label, [data-testid="stAppViewContainer"] summary,
  [data-testid="stAppViewContainer"] button, [data-testid="stAppViewContainer"] input,
  [data-testid="stAppViewContainer"] a, [data-testid="stAppViewContainer"] span,
  [data-testid="stAppViewContainer"] td, [data-testid="stAppViewContainer"] th,
  [data-testid="stAppViewContainer"] caption, [data-testid="stCaptionContainer"],
  [data-testid="stWidgetLabel"] p, .gl-muted, .gl-nav-section, .gl-table, small {
    font-size: max(1rem, 1em) !important; line-height: 1.5;
  }
  [data-testid="stAppViewContainer"] h1 { font-size: 2rem !important; }
  [data-testid="stAppViewContainer"] h2 { font-size: 1.6rem !important; }
  [data-testid="stAppViewContainer"] h3 { font-size: 1.3rem !important; }
  .gl-muted, [data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #0b0c0c !important; }
  a { color: #003078 !important; text-decoration: underline !important; }
  :focus-visible, .gl-er-speak:focus, summary:focus {
    outline: 4px solid #0b0c0c !important; outline-offset: 2px; box-shadow: 0 0 0 8px #ffdd00 !important;
  }
  .st-key-easy_read_banner { border: 4px solid #0b0c0c; background: #ffdd00; padding: 0.6rem 1rem; border-radius: 8px; }
  .st-key-easy_read_banner a { font-weight: 700; font-size: 1.2rem !important; color: #0b0c0c !important; }
  .st-key-easy_read_banner a span, .st-key-easy_read_banner a p { font-size: 1.2rem !important; color: #0b0c0c !important; }
  .gl-table { display: block; overflow-x: auto; }
  .gl-er-words { max-width: 32em; }
  .gl-er-words p { margin: 0 0 0.6rem 0; }
  .gl-er-title { font-size: 1.6rem !important; font-weight: 700; margin: 0 0 0.5rem 0 !important; line-height: 1.25; }
  .gl-er-sentence { font-size: 1.35rem !important; font-weight: 700; line-height: 1.4; }
  .gl-er-topic { font-weight: 700; margin: 0 0 0.4rem 0; }
  .gl-er-picture svg, .gl-er-chart svg { max-width: 100%; height: auto; display: block; }
  .gl-er-picture svg { width: 100%; }
  .gl-er-picture { border: 3px solid #0b0c0c; border-radius: 12px; padding: 0.6rem; max-width: 300px; background: #fff; }
  .gl-er-compare { display: flex; gap: 0.8rem; align-items: center; margin: 0.6rem 0; }
  .gl-er-compare svg { flex: 0 0 auto; }
  .gl-er-hard { border-left: 8px solid #0b3d91; background: #f3f2f1; padding: 0.4rem 0.8rem; margin: 0.6rem 0; }
  .gl-er-exact summary { cursor: pointer; font-weight: 700; text-decoration: underline; padding: 0.3rem 0; }
  .gl-er-exact { border: 2px solid #0b0c0c; border-radius: 8px; padding: 0.3rem 0.8rem; margin: 0.8rem 0; }
  .gl-er-speak { font: inherit; font-weight: 700; font-size: 1.1rem !important; padding: 0.5rem 1.2rem;
    border: 3px solid #0b0c0c; border-radius: 10px; background: #ffffff; color: #0b0c0c; cursor: pointer;
    min-height: 2.6rem; }
  .gl-er-speak:hover { background: #ffdd00; }
  .gl-er-speak::before { content: ""; display: inline-block; width: 1.2em; height: 1.2em; margin-right: 0.4em;
    vertical-align: -0.25em; background: no-repeat center / contain url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'%3E%3Cpath d='M3 9h4l5-4v14l-5-4H3z' fill='%230b0c0c'/%3E%3Cpath d='M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12' fill='none' stroke='%230b0c0c' stroke-width='2' stroke-linecap='round'/%3E%3C/svg%3E"); }
  .gl-er-speak[aria-pressed="true"] { background: #ffdd00; }
  .gl-nowrap { white-space: nowrap; }
  [data-testid="stMainBlockContainer"] { padding-top: 2.5rem !important; }
  @media (min-width: 1800px) {  /* a projector: bigger picture and chart, so the room can see them */
    .gl-er-picture { max-width: 420px; }
    .gl-er-chart svg { width: 100%; max-width: 680px; }
    .gl-er-words { max-width: 36em; }
  }
  @media (max-width: 640px) {  /* a phone: title, picture and sentence on the first screen */
    .gl-er-picture { max-width: 120px; padding: 0.3rem; border-width: 2px; }
    [data-testid="stMainBlockContainer"] { padding-top: 3.2rem !important; }
    [data-testid="stAppViewContainer"] h1 { font-size: 1.4rem !important; padding: 0 !important; }
    .gl-er-title { font-size: 1.35rem !important; margin-bottom: 0.3rem !important; }
    .gl-er-sentence { font-size: 1.15rem !important; }
    .gl-er-topic { margin: 0 0 0.4rem 0; }
    .gl-er-compare svg { width: 52px; height: 52px; }
    .gl-er-words p { margin: 0 0 0.4rem 0; }
    [data-testid="stVerticalBlock"] { gap: 0.5rem; }
    .st-key-er_back button p, .st-key-er_next button p { font-size: 1.2rem !important; }
    .st-key-er_change button { min-height: 2.2rem; padding: 0.2rem 1rem; }
  }
  .st-key-er_back button, .st-key-er_next button, .st-key-er_start button, .st-key-er_change button {
    min-height: 3rem; padding: 0.5rem 1.6rem; border: 3px solid #0b0c0c !important; border-radius: 12px;
  }
  .st-key-er_back button p, .st-key-er_next button p { font-size: 1.35rem !important; font-weight: 700; }
  [class*="st-key-er_place_"] button { min-height: 2.6rem; border: 2px solid #0b0c0c !important; justify-content: flex-start; }
  .gl-er-step { font-weight: 700; }
</style>
"""

#: "Read to me": the browser's own speech synthesis (window.speechSynthesis), a local voice when
#: there is one; nothing is loaded from the web. One listener for every button on the page.
SPEAK_SCRIPT = """
<script>
(function () {
  if (window.__glSpeak) { return; }
  window.__glSpeak = true;
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".gl-er-speak") : null;
    if (!button) { return; }
    var synth = window.speechSynthesis;
    if (!synth) { button.textContent = "Your browser cannot read aloud"; return; }
    if (synth.speaking && button.getAttribute("aria-pressed") === "true") {
      synth.cancel(); button.setAttribute("aria-pressed", "false"); return;
    }
    synth.cancel();
    var words = new SpeechSynthesisUtterance(button.getAttribute("data-say"));
    words.lang = "en-GB";
    words.rate = 0.9;
    var voices = synth.getVoices ? synth.getVoices() : [];
    var local = voices.filter(function (v) { return v.localService && /^en/i.test(v.lang); })[0];
    if (local) { words.voice = local; }
    words.onend = function () { button.setAttribute("aria-pressed", "false"); };
    button.setAttribute("aria-pressed", "true");
    synth.speak(words);
  });
})();
</script>
"""


# ------------------------------------------------------------------ the switch on every page


def easy_mode() -> bool:
    """Is easy read on? From ``?mode=easy`` on the first visit, then remembered for the session."""
    if MODE_KEY not in st.session_state:
        st.session_state[MODE_KEY] = st.query_params.get("mode") == "easy"
    return bool(st.session_state[MODE_KEY])


def _flip(key: str) -> None:
    st.session_state[MODE_KEY] = bool(st.session_state.get(key))


def mode_switch() -> bool:
    """The Easy read switch in the sidebar, kept in the URL as ``?mode=easy``. In easy mode the
    page gets the easy-read theme and a prominent link to the easy-read pages for the same
    area and indicator. Returns whether easy mode is on."""
    on = easy_mode()
    if on:
        st.query_params["mode"] = "easy"
    elif st.query_params.get("mode") is not None:
        del st.query_params["mode"]
    page = re.sub(r"[^a-z0-9]+", "_", str(st.session_state.get("_page", "page")).lower()).strip("_")
    key = f"w_easy_mode_{page}"
    st.session_state[key] = on
    st.sidebar.toggle("Easy read mode", key=key, on_change=_flip, args=(key,),
                      help="Big text, pictures and plain words. Kept in the link as mode=easy.")
    if on:
        apply_theme()
        if st.session_state.get("_page") != "Easy read":
            easy_read_link()
    return on


def apply_theme() -> None:
    st.markdown(THEME_CSS, unsafe_allow_html=True)


def link_params() -> dict[str, str]:
    """The area, year and indicator the person is looking at, for the easy-read link."""
    params = {"mode": "easy"}
    for name in ("area", "period", "indicator"):
        value = st.session_state.get(f"_url_{name}") or st.query_params.get(name)
        if value:
            params[name] = value
    return params


def easy_read_link() -> None:
    """A prominent link to the easy-read pages for the same area and indicator."""
    with st.container(key="easy_read_banner"):
        st.markdown("**Easy read is on.** The easy-read pages show one thing at a time, with pictures.")
        try:
            st.page_link(EASY_PAGE, label="Open the easy-read pages for this place", icon=":material/menu_book:",
                         query_params=link_params())
        except Exception:  # the page is not in the navigation (a test running one page alone)
            pass


# ------------------------------------------------------------------ one screen


def speak_button(text: str, label: str = "Read to me") -> None:
    """A button that reads ``text`` aloud with the browser's speech synthesis."""
    say = html.escape(text, quote=True)
    st.html(
        f'<button type="button" class="gl-er-speak" data-say="{say}" aria-pressed="false">'
        f'{html.escape(label)}</button>' + SPEAK_SCRIPT,
        unsafe_allow_javascript=True,
    )


def words_html(fig: EasyReadFigure) -> str:
    """The words column of a screen: title, sentence, chart, comparison with face, change,
    hard words and the exact figure one click away (a details element)."""
    esc = html.escape
    parts = [f"<h2 class='gl-er-title'>{esc(fig.title)}</h2>", f"<p class='gl-er-sentence'>{esc(fig.sentence)}</p>"]
    chart = easyread.chart_svg(fig)
    if chart:
        parts.append(f"<div class='gl-er-chart' data-testid='er-chart'>{chart}</div>")
    if fig.chart == "icons" and fig.out_of_10 is not None:
        parts.append(f"<p>{esc(easyread.out_of_10_words(fig.value)).capitalize()} out of 10: {esc(fig.amount_words)}.</p>")
    face = easyread.face_svg(fig.face, fig.comparison_sentence, size=72)  # a question mark when not compared
    parts.append(f"<div class='gl-er-compare' data-testid='er-compare'>{face}"
                 f"<p><strong>{esc(fig.comparison_sentence)}</strong></p></div>")
    for sentence in easyread.sentences(fig.change_sentence):
        parts.append(f"<p data-testid='er-change'>{esc(sentence)}</p>")
    for word, meaning in fig.hard_words:
        parts.append(f"<p class='gl-er-hard'><strong>{esc(word[0].upper() + word[1:])}</strong> means {esc(meaning)}.</p>")
    details = "".join(f"<p>{esc(line)}</p>" for line in (fig.exact, *fig.exact_details))
    parts.append(f"<details class='gl-er-exact' data-testid='er-exact'><summary>See the exact number</summary>{details}</details>")
    return "<div class='gl-er-words'>" + "".join(parts) + "</div>"


def picture_html(fig: EasyReadFigure) -> str:
    return f"<div class='gl-er-picture' data-testid='er-picture'>{easyread.picture_svg(fig.icon, fig.sentence, 280)}</div>"


#: a new screen starts at its top: Next and Back are at the bottom of the one before
SCROLL_TOP_SCRIPT = """
<span hidden data-er-screen="{screen}"></span>
<script>
(function () {{
  var targets = [document.querySelector('[data-testid="stMain"]'),
                 document.querySelector('[data-testid="stAppViewContainer"]'), document.scrollingElement];
  targets.forEach(function (el) {{ if (el) {{ el.scrollTop = 0; }} }});
  window.scrollTo(0, 0);
}})();
</script>
"""


def scroll_to_top(screen: str) -> None:
    """Show the new screen from its top (the Next and Back buttons sit at the bottom)."""
    st.html(SCROLL_TOP_SCRIPT.format(screen=html.escape(screen, quote=True)), unsafe_allow_javascript=True)


def show_screen(fig: EasyReadFigure, topic: str, number: int, total: int) -> None:
    """One indicator on one screen: picture on the left, words on the right."""
    scroll_to_top(fig.indicator_id)
    st.markdown(f"<p class='gl-er-topic'>Page {number} of {total}. Topic: {html.escape(topic)}. "
                f"Year: <span class='gl-nowrap'>{html.escape(fig.period)}</span>.</p>", unsafe_allow_html=True)
    left, right = st.columns([1, 2], gap="medium")
    with left:
        st.markdown(picture_html(fig), unsafe_allow_html=True)
    with right, st.container(key=f"er_words_{fig.indicator_id}"):  # a new block per screen: details start closed
        st.markdown(words_html(fig), unsafe_allow_html=True)
        speak_button(fig.spoken)
