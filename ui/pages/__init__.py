"""The sidebar's pages, in the order the sidebar shows them."""
