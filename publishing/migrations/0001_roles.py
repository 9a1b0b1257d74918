"""The two editorial roles, as groups with their permissions.

Editors create and edit content (and import it); they cannot publish, unpublish or
delete. Publishers can do all that Editors can, and also publish, unpublish,
schedule, delete and moderate replies. Users get a role by joining the group.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

CONTENT_APPS = ("cooperation", "expo", "news")
EDITORS = "Editors"
PUBLISHERS = "Publishers"
# Readers' replies are moderated by publishers; editors may read them.
MODERATED = {("news", "reply")}


def _make_permissions(apps):
    """Permissions are normally created after all migrations; the groups need them now."""
    for label in CONTENT_APPS:
        config = apps.get_app_config(label)
        config.models_module = True
        create_contenttypes(config, verbosity=0, apps=apps)
        create_permissions(config, verbosity=0, apps=apps)
        config.models_module = None


def create_roles(apps, schema_editor):
    _make_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor_perms, publisher_perms = [], []
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            name = model._meta.model_name
            if name.startswith("historical"):
                continue
            perms = {
                p.codename: p
                for p in Permission.objects.filter(
                    content_type__app_label=label, content_type__model=name
                )
            }
            if (label, name) in MODERATED:
                editor_perms.append(perms[f"view_{name}"])
            else:
                editor_perms += [perms[f"{action}_{name}"] for action in ("view", "add", "change")]
            publisher_perms += [
                perms[f"{action}_{name}"] for action in ("view", "add", "change", "delete")
            ]
            if f"publish_{name}" in perms:
                publisher_perms.append(perms[f"publish_{name}"])
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.set(editor_perms)
    publishers, _ = Group.objects.get_or_create(name=PUBLISHERS)
    publishers.permissions.set(publisher_perms)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, PUBLISHERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cooperation", "0002_publication_and_history"),
        ("expo", "0002_publication_and_history"),
        ("news", "0002_publication_and_history"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
