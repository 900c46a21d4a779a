process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret";
process.env.POWERTOOLS_LOG_LEVEL ??= "SILENT";
