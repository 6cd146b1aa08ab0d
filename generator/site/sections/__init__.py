"""One module per section of the site, each with ``build(renderer)``; ``SECTIONS`` in output order."""

from generator.site.sections import (
    about_data, assets, award_forms, changes, consultations, decisions, feed, home, legal, messages_guide, people,
    profiles, revoked, search, statistics, units,
)

SECTIONS = (
    about_data.build_downloads,  # bulk exports and schemas first: pages link to them
    feed.build,
    assets.build,
    home.build,
    decisions.build,
    award_forms.build,
    legal.build,
    messages_guide.build,
    units.build,
    profiles.build,
    people.build,
    statistics.build,
    revoked.build,
    changes.build,
    consultations.build,
    about_data.build,
    search.build,  # last: its index is built on the other core meanwhile (render.render_site)
)
