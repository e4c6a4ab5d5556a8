"""Interactive atlas of the Liberation of France: the pure core of the dashboard.

Everything here is plain Python and pandas, except `dashboard.ui`, the one module that
imports Streamlit.
"""
