"""One spider per source: spider name = <family>_<source>. Spiders fetch; parsers parse."""
