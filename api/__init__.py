"""geomap's HTTP edge: a FastAPI app over the core library."""
