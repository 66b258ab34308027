from django.urls import path

from reader import views

app_name = "reader"

urlpatterns = [
    path("", views.index, name="index"),
    path("a/<slug:slug>/", views.article_detail, name="article"),
    path("a/<slug:slug>/p/<int:position>/notes/", views.add_note, name="add_note"),
]
