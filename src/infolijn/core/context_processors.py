from django.http import HttpRequest

from infolijn.partners.roles import Role, roles_of


def roles(request: HttpRequest) -> dict:
    user_roles = roles_of(request.user)
    return {"user_roles": {role.name.lower() for role in user_roles}, "Role": Role}
