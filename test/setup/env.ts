process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret";
process.env.POWERTOOLS_LOG_LEVEL ??= "SILENT";
process.env.AUTH_ANSWER_MS ??= "0"; // the login-code answer floor is tested where it matters (test/api/auth.test.ts)
