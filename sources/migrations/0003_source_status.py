"""Sources get a publication status (issue 29): every existing source stays published
(the field's default fills the existing rows), and Publishers, not Editors, may publish
them (the ``publish_source`` permission, as for the content models)."""

from django.db import migrations, models


def grant(apps, schema_editor):
    # The permission is made here, not left to post_migrate, so that Publishers get it now;
    # get_or_create, so that a database whose content types were emptied migrates too.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="sources", model="source")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="publish_source",
        defaults={"name": "Can publish and unpublish sources"},
    )
    for group in Group.objects.filter(name="Publishers"):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="sources", codename="publish_source").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0001_roles"),
        ("sources", "0002_constraint_messages"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="source",
            options={
                "ordering": ["kind", "publisher", "published_on", "slug"],
                "permissions": [("publish_source", "Can publish and unpublish sources")],
                "verbose_name": "source",
                "verbose_name_plural": "sources",
            },
        ),
        migrations.AddField(
            model_name="historicalsource",
            name="status",
            field=models.CharField(
                choices=[("draft", "Draft"), ("published", "Published")],
                default="published",
                help_text="A draft source is shown nowhere on the site, nor are its citations.",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="status",
            field=models.CharField(
                choices=[("draft", "Draft"), ("published", "Published")],
                default="published",
                help_text="A draft source is shown nowhere on the site, nor are its citations.",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.AddConstraint(
            model_name="source",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["draft", "published"])),
                name="source_status_valid",
                violation_error_message="Choose a status from the list.",
            ),
        ),
        migrations.RunPython(grant, revoke),
    ]
