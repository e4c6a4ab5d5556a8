"""The browser-side map player: `player.py` builds the layers and the data (pure), `component.py`
mounts them as a Streamlit component (the only part that imports Streamlit), and player.js /
player.css / player.html run in the page."""


def render(*args, **kwargs):
    """See component.render; imported on use so the pure payload code never loads Streamlit."""
    from dashboard.player.component import render as render_component

    return render_component(*args, **kwargs)
