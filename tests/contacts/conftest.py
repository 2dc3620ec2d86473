import pytest


@pytest.fixture
def partners(partner_a, partner_b):
    return partner_a, partner_b
