"""Copy pydeck's deck.gl bundle into static/vendor/ for the map player (run by `make install`).

    python scripts/vendor_player.py
"""

from dashboard.player.vendor import main

if __name__ == "__main__":
    main()
