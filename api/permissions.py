"""Who may do what through the API."""

from rest_framework.permissions import DjangoModelPermissions, DjangoModelPermissionsOrAnonReadOnly


class ReadAnyoneWriteWithModelPermission(DjangoModelPermissionsOrAnonReadOnly):
    """Anyone may read; a write needs a logged-in user holding the model's add/change/delete permission.

    Anonymous writes get 401 (with a `WWW-Authenticate: Token` challenge); logged-in users without
    the permission get 403.
    """


class ChangeWithModelPermission(ReadAnyoneWriteWithModelPermission):
    """For POST actions that change a record rather than create one (a story's membership)."""

    perms_map = {**ReadAnyoneWriteWithModelPermission.perms_map, "POST": ["%(app_label)s.change_%(model_name)s"]}


class ReadAndWriteWithModelPermission(DjangoModelPermissions):
    """Reads need a logged-in user holding the model's view permission too: for drafts and import
    jobs, which only the editors who review them need to see (anonymous reads get 401)."""

    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
    }
