"""Knowledge-loss risk after TVA/IAEA: scales (``scales``, pure), use cases (``logic``) and
reads (``queries``)."""
