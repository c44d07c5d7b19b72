"""Error reports never carry what someone typed: every POST value and every local variable
of the traceback is replaced, in development too (DEFAULT_EXCEPTION_REPORTER_FILTER)."""

from django.views.debug import SafeExceptionReporterFilter


class NoPersonDataFilter(SafeExceptionReporterFilter):
    def is_active(self, request):
        return True

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return {key: self.cleansed_substitute for key in request.POST}

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]
