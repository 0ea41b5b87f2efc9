"""Good Lives dashboard: co-production and outcomes monitoring for English adult social care.

The package is testable without Streamlit: the pages in ``pages/`` only read filters,
call functions here and render what they return.
"""

__version__ = "0.1.0"
