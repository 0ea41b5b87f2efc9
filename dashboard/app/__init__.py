"""The Streamlit app: the only code that imports Streamlit (with pages/ and streamlit_app.py)."""
