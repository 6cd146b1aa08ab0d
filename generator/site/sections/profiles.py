"""Profiles (gương điển hình): the index of cards, one page per published profile, its photo.

A withdrawn profile has no page at all: its address is derived from the name, so it is retracted
(removed from the published-URL manifest) instead of redirected.
"""

from __future__ import annotations

from generator.records import images
from generator.site import fingerprint, structured_data, urls, views
from generator.records.validation.files import MAX_PHOTO_BYTES
from generator.site.outputs import OutputFile
from generator.site.renderer import Renderer


def build(r: Renderer) -> None:
    pub = r.pub
    r.page(urls.PROFILES, "profiles_index.html", "Gương điển hình tiên tiến",
           "Những tấm gương người tốt, việc tốt, điển hình tiên tiến.",
           cards=[views.profile_card(pub, p) for p in pub.profiles()])
    for profile in pub.withdrawn_profiles():
        r.site.retracted.add(urls.profile(profile.slug))
    for profile in pub.profiles():
        url = urls.profile(profile.slug)
        r.page(url, "profile.html", profile.model.name, profile.model.summary, image=views.photo_path(profile),
               origin=profile.path,
               context=lambda profile=profile, url=url: {
                   "p": views.profile_view(pub, profile),
                   "ld": structured_data.as_script(structured_data.profile_ld(pub, profile, r.options.site_url)),
                   "cite": r.provenance(profile.path, url, f"Gương điển hình: {profile.model.name}"),
                   "report": r.feedback("Báo sai sót", f"Gương điển hình {profile.model.name}", url),
                   "crumbs": r.breadcrumbs(["profiles"], profile.model.name, url)})
        if profile.model.photo:
            rel = profile.model.photo.path
            r.file(OutputFile(views.photo_path(profile), produce=lambda out, rel=rel: out.write(
                images.strip_metadata(pub.record_file(rel, MAX_PHOTO_BYTES))),
                inputs=lambda rel=rel: fingerprint.digest(fingerprint.code_key(), pub.record_file(rel, MAX_PHOTO_BYTES))))
