"""Who may do what through the API."""

from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly


class ReadAnyoneWriteWithModelPermission(DjangoModelPermissionsOrAnonReadOnly):
    """Anyone may read; a write needs a logged-in user holding the model's add/change/delete permission.

    Anonymous writes get 401 (with a `WWW-Authenticate: Token` challenge); logged-in users without
    the permission get 403.
    """


class ChangeWithModelPermission(ReadAnyoneWriteWithModelPermission):
    """For POST actions that change a record rather than create one (a story's membership)."""

    perms_map = {**ReadAnyoneWriteWithModelPermission.perms_map, "POST": ["%(app_label)s.change_%(model_name)s"]}
