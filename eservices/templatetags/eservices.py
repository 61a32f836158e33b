"""Template tags for the e-services blocks; every tag reads cached snapshots (see snapshots.py).

{% eservice_hotlines as hotlines %}            active help lines, in the editors' order
{% popular_eservices as services %}            active popular e-services, in the editors' order
{% eservice_icon service %}                    the built-in icon of a service, inline SVG
{% organisation_json_ld organisation hotlines %}  schema.org Organization with its contact points
"""

from django import template

from eservices.icons import render_icon
from eservices.snapshots import snapshot
from portal.json_ld import json_ld_script
from portal.site_address import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def eservice_hotlines(context):
    return snapshot("hotlines", context.get("request"))


@register.simple_tag(takes_context=True)
def popular_eservices(context):
    return snapshot("popular_services", context.get("request"))


@register.simple_tag
def eservice_icon(service):
    return render_icon(service.icon_name)


@register.simple_tag(takes_context=True)
def organisation_json_ld(context, organisation, hotlines):
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
        "contactPoint": [
            {
                "@type": "ContactPoint",
                "telephone": line.number,
                "name": line.title,
                "contactType": line.title,
                # hoursAvailable wants structured opening hours; ours are free Persian text.
                "description": "، ".join(part for part in (line.hours, line.description) if part),
                "availableLanguage": "fa",
                "areaServed": "IR",
            }
            for line in hotlines
        ],
    }
    if request is not None:
        data["url"] = absolute_url(request, "/")
    if organisation.short_name:
        data["alternateName"] = organisation.short_name
    if organisation.phone:
        data["telephone"] = organisation.phone
    if organisation.email:
        data["email"] = organisation.email
    if organisation.address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": organisation.address,
            "postalCode": organisation.postal_code,
            "addressRegion": "خوزستان",
            "addressCountry": "IR",
        }
    return json_ld_script(data)
