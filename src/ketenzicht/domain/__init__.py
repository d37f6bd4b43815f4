"""Pure domain core of Ketenzicht: rules of the youth-protection chain.

Nothing here imports Django; the web, API, CLI and the simulator all call into these modules.
"""
