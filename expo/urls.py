from django.urls import path

from . import calendars, views

app_name = "expo"

urlpatterns = [
    path("exhibitions/", views.ExhibitionListView.as_view(), name="exhibition-list"),
    # Every exhibition and forum as iCalendar, to subscribe to: ?format=ics&year=2019
    path("calendar/", calendars.EventCalendarView.as_view(), name="calendar"),
    path(
        "exhibitions/<slug:slug>/", views.ExhibitionDetailView.as_view(), name="exhibition-detail"
    ),
    path("enterprises/", views.EnterpriseListView.as_view(), name="enterprise-list"),
    path(
        "enterprises/<slug:slug>/", views.EnterpriseDetailView.as_view(), name="enterprise-detail"
    ),
    path("forums/", views.ForumListView.as_view(), name="forum-list"),
    path("forums/<slug:slug>/", views.ForumDetailView.as_view(), name="forum-detail"),
]
