"""Catalog screens: products, suppliers, warehouses."""
