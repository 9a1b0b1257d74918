"""The editorial roles get the permissions of the provenance models added in issue 10.

Sources (core.Source) and every record's citations (cooperation and expo ``*Citation``
models): Editors may view, add and change them, Publishers may also delete them, as for
the content they describe (core/migrations/0001_roles.py). In news, because news is the
app that depends on all three.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

APPS = ("core", "cooperation", "expo")
EDITOR_ACTIONS = ("view", "add", "change")
PUBLISHER_ACTIONS = ("view", "add", "change", "delete")


def _provenance_models(apps):
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            name = model._meta.model_name
            if name == "source" or (
                name.endswith("citation") and not name.startswith("historical")
            ):
                yield label, name


def _permissions(apps, actions):
    Permission = apps.get_model("auth", "Permission")
    codenames = []
    for label, name in _provenance_models(apps):
        codenames += [(label, f"{action}_{name}") for action in actions]
    return [
        Permission.objects.get(content_type__app_label=label, codename=codename)
        for label, codename in codenames
    ]


def grant(apps, schema_editor):
    for label in APPS:
        config = apps.get_app_config(label)
        config.models_module = True
        create_contenttypes(config, verbosity=0, apps=apps)
        create_permissions(config, verbosity=0, apps=apps)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    for group_name, actions in (("Editors", EDITOR_ACTIONS), ("Publishers", PUBLISHER_ACTIONS)):
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.add(*_permissions(apps, actions))


def revoke(apps, schema_editor):
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    # Those that still exist: a database being taken back may have lost some already.
    permissions = Permission.objects.filter(
        pk__in=[
            permission.pk
            for label, name in _provenance_models(apps)
            for permission in Permission.objects.filter(
                content_type__app_label=label,
                codename__in=[f"{action}_{name}" for action in PUBLISHER_ACTIONS],
            )
        ]
    )
    for group in Group.objects.filter(name__in=["Editors", "Publishers"]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0001_roles"),
        ("news", "0005_article_source_record"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
