"""What each page shows, without Streamlit: the pages read filters, call a view, render."""
