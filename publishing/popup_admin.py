"""A record made with "+" from another record's form starts published, for a publisher.

A sector, region or city added in the "+" popup is there to be linked at once; made as
a draft, the record that links it shows "not stated" to readers until someone
publishes it too (issue 26). For someone who may publish, the popup's form therefore
starts at "published" (they can still choose "draft"); for an Editor it stays a draft
and the usual linked-draft warning tells them.
"""

from django.contrib.admin.options import IS_POPUP_VAR

from publishing.models import EditorialStatus


class PublishedFromPopupMixin:
    """For a ``PublishableAdmin``: the "+" popup's status starts at "published"."""

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if IS_POPUP_VAR in request.GET and self.has_publish_permission(request):
            initial.setdefault("status", EditorialStatus.PUBLISHED)
        return initial
