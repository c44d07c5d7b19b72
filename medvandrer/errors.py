"""Error reports never carry what someone typed, or a key: every POST and GET value, every
local variable of the traceback, every cookie, the query string and the referrer are replaced,
and a one-time link's token in the address becomes «…» – in development too
(DEFAULT_EXCEPTION_REPORTER_FILTER, DEFAULT_EXCEPTION_REPORTER). The exception's own message
stays: without it the report is useless, and it is code's words, not the user's."""

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

from medvandrer.log_paths import masked

HIDDEN_META = ("QUERY_STRING", "HTTP_REFERER", "HTTP_COOKIE")
ADDRESS_META = ("PATH_INFO", "REQUEST_URI", "RAW_URI", "SCRIPT_URL")


class NoPersonDataFilter(SafeExceptionReporterFilter):
    def is_active(self, request):
        return True

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return {key: self.cleansed_substitute for key in request.POST}

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        for key in HIDDEN_META:
            if key in meta:
                meta[key] = self.cleansed_substitute
        for key in ADDRESS_META:
            if isinstance(meta.get(key), str):
                meta[key] = masked(meta[key])
        return meta

    def get_safe_cookies(self, request):
        return {key: self.cleansed_substitute for key in getattr(request, "COOKIES", {})}


class NoPersonDataReporter(ExceptionReporter):
    """The parts of the report the filter does not reach: GET values and the address."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.request is not None:
            hidden = self.filter.cleansed_substitute
            data["request_GET_items"] = [(key, hidden) for key in self.request.GET]
            data["request_insecure_uri"] = masked(self.request.path)
            data["request"] = _ReportedRequest(self.request, hidden)
        return data


class _ReportedRequest:
    """The request as the report's templates read it (request.path_info, .META, .GET,
    .COOKIES): the address masked, values replaced."""

    def __init__(self, request, hidden):
        self._request = request
        self.path_info = masked(request.path_info)
        self.path = masked(request.path)
        self.GET = {key: hidden for key in request.GET}
        self.COOKIES = {key: hidden for key in request.COOKIES}
        self.META = NoPersonDataFilter().get_safe_request_meta(request)

    def __getattr__(self, name):
        return getattr(self._request, name)
