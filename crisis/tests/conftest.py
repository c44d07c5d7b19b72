from conversations.tests.conftest import conversation  # noqa: F401 – the same fixture as conversations/tests
