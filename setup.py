"""Only what pyproject.toml cannot say: the top-level resources/ folder ships as the package
victimcare.resources (fonts, translations, code tables), found by victimcare.core.resources."""

from setuptools import find_packages, setup

RESOURCE_PACKAGES = ["victimcare.resources", "victimcare.resources.data", "victimcare.resources.fonts",
                     "victimcare.resources.translations"]

setup(
    packages=find_packages(include=["victimcare", "victimcare.*"]) + RESOURCE_PACKAGES,
    package_dir={"victimcare.resources": "resources"},
)
