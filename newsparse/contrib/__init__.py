"""Optional integrations with other tools; each module imports its tool lazily.

* :mod:`newsparse.contrib.dask`: parse pages on a Dask cluster (``pip install 'newsparse[dask]'``).
"""
