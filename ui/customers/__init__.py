"""Customer screens: the windowed list (list_model, list_view), the 360° view (detail),
the customer form with duplicate and conflict dialogs (form), the import wizard."""
