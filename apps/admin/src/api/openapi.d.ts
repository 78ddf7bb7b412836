/**
 * GENERATED — do not edit. The platform API's types, from the OpenAPI 3.1 document of
 * `createApp` (`GET /api/openapi.json`) by openapi-typescript.
 * Regenerate after changing the API: `npm run openapi -w @hoctap/admin`.
 */
export interface paths {
    "/api/frameworks/published/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một phiên bản đã xuất bản, kèm văn bản nguồn (trong phạm vi tài khoản được xem) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Phiên bản */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublishedFrameworkSource"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các bộ tiêu chí đã đăng ký */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Danh sách */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FrameworkSummary"][];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks/{plugin}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một bộ tiêu chí: mô hình đã kiểm tra và văn bản nguồn */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    plugin: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Bộ tiêu chí */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FrameworkDetail"];
                    };
                };
                /** @description Không có */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kiểm tra một tệp tiêu chí (không lưu): lỗi cú pháp, lỗi ngữ nghĩa, ví dụ mẫu */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CheckRequest"];
                };
            };
            responses: {
                /** @description Kết quả kiểm tra */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CheckResponse"];
                    };
                };
                /** @description Yêu cầu sai */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Xuất bản một phiên bản bộ tiêu chí: kiểm tra (lỗi, ví dụ mẫu) rồi lưu theo mã băm nội dung, có ghi nhật ký; gửi lại cùng văn bản trả về phiên bản đã có (200). Lỗi → 422 FRAMEWORK_INVALID kèm chẩn đoán */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CheckRequest"];
                };
            };
            responses: {
                /** @description Đã xuất bản từ trước (cùng văn bản) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublishResult"];
                    };
                };
                /** @description Đã xuất bản */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublishResult"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks/published": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các phiên bản bộ tiêu chí đã xuất bản mà tài khoản được xem */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Danh sách */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublishedFramework"][];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chấm điểm thử (không lưu): tổng điểm, danh hiệu, xếp loại và lời giải thích */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EvaluateRequest"];
                };
            };
            responses: {
                /** @description Kết quả từng đối tượng */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvaluateResponse"];
                    };
                };
                /** @description Yêu cầu sai */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có bộ tiêu chí */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đăng nhập: đặt cookie phiên (HttpOnly, SameSite=Lax), trả về người dùng và mã CSRF */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoginRequest"];
                };
            };
            responses: {
                /** @description Đã đăng nhập, hoặc cần mã TOTP ở bước hai */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SessionInfo"] | components["schemas"]["MfaChallenge"];
                    };
                };
                /** @description Yêu cầu sai */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập / sai thông tin */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quá nhiều lần sai: thử lại sau (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đăng xuất: huỷ phiên phía máy chủ */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Đã đăng xuất */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Chưa đăng nhập / sai thông tin */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Thiếu mã CSRF */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Người dùng hiện tại và mã CSRF của phiên */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Phiên hiện tại */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SessionInfo"];
                    };
                };
                /** @description Chưa đăng nhập / sai thông tin */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bước hai của đăng nhập: mã TOTP (hoặc mã khôi phục) với thử thách nhận ở bước một */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoginTotpRequest"];
                };
            };
            responses: {
                /** @description Đã đăng nhập */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SessionInfo"];
                    };
                };
                /** @description Yêu cầu sai hoặc mật khẩu mới không đạt (PASSWORD_TOO_SHORT, PASSWORD_COMMON, PASSWORD_IS_EMAIL…) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập, sai mật khẩu hoặc sai mã */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quá nhiều lần sai: thử lại sau (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đổi mật khẩu của mình: cần mật khẩu hiện tại; mọi phiên khác bị huỷ */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PasswordChange"];
                };
            };
            responses: {
                /** @description Xong */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Yêu cầu sai hoặc mật khẩu mới không đạt (PASSWORD_TOO_SHORT, PASSWORD_COMMON, PASSWORD_IS_EMAIL…) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập, sai mật khẩu hoặc sai mã */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Thiếu mã CSRF */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Trạng thái không cho phép (đã bật / chưa bật TOTP) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quá nhiều lần sai: thử lại sau (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đặt lại mật khẩu bằng mã dùng một lần do quản trị viên cấp (hiệu lực 24 giờ); mọi phiên bị huỷ, TOTP vẫn giữ */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PasswordReset"];
                };
            };
            responses: {
                /** @description Xong */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Yêu cầu sai hoặc mật khẩu mới không đạt (PASSWORD_TOO_SHORT, PASSWORD_COMMON, PASSWORD_IS_EMAIL…) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quá nhiều lần sai: thử lại sau (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bắt đầu bật TOTP: khoá bí mật và URI otpauth:// (mã QR); chưa có hiệu lực đến khi xác nhận */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Khoá mới */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TotpSetup"];
                    };
                };
                /** @description Yêu cầu sai hoặc mật khẩu mới không đạt (PASSWORD_TOO_SHORT, PASSWORD_COMMON, PASSWORD_IS_EMAIL…) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập, sai mật khẩu hoặc sai mã */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Thiếu mã CSRF */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Trạng thái không cho phép (đã bật / chưa bật TOTP) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quá nhiều lần sai: thử lại sau (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Xác nhận TOTP bằng một mã: bật xác thực hai bước, trả về các mã khôi phục (chỉ một lần) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Mã 6 chữ số của ứng dụng xác thực, hoặc một mã khôi phục */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Đã bật */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TotpEnabled"];
                    };
                };
                /** @description Yêu cầu sai hoặc mật khẩu mới không đạt (PASSWORD_TOO_SHORT, PASSWORD_COMMON, PASSWORD_IS_EMAIL…) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập, sai mật khẩu hoặc sai mã */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Thiếu mã CSRF */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Trạng thái không cho phép (đã bật / chưa bật TOTP) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quá nhiều lần sai: thử lại sau (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tắt TOTP: cần mật khẩu và một mã */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        /** @description Mã 6 chữ số của ứng dụng xác thực, hoặc một mã khôi phục */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Xong */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Yêu cầu sai hoặc mật khẩu mới không đạt (PASSWORD_TOO_SHORT, PASSWORD_COMMON, PASSWORD_IS_EMAIL…) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập, sai mật khẩu hoặc sai mã */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Thiếu mã CSRF */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Trạng thái không cho phép (đã bật / chưa bật TOTP) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quá nhiều lần sai: thử lại sau (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách tài khoản trong phạm vi quản lý */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tài khoản */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ManagedUser"][];
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Tạo tài khoản (chưa có mật khẩu: cấp đường dẫn đặt mật khẩu sau) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UserCreate"];
                };
            };
            responses: {
                /** @description Đã tạo */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ManagedUser"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một tài khoản */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tài khoản */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ManagedUser"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Đổi tên, vai trò, địa bàn */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UserPatch"];
                };
            };
            responses: {
                /** @description Đã sửa */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ManagedUser"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Khoá tài khoản: mọi phiên bị huỷ */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Đã khoá */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ManagedUser"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mở lại tài khoản */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Đã mở lại */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ManagedUser"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cấp đường dẫn đặt lại mật khẩu dùng một lần (24 giờ); đường dẫn cũ chưa dùng mất hiệu lực */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Đường dẫn */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PasswordResetLink"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tìm người theo tên (không dấu, không phân biệt hoa thường: "nguyen thi ha" → "Nguyễn Thị Hà"), phân trang */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    commune?: string;
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Một trang */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Person"][];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Thêm người: số định danh được kiểm tra, lưu mã hoá, trả về dạng che */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PersonCreate"];
                };
            };
            responses: {
                /** @description Đã thêm */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một người */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Người */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Xoá một người (không được khi người đó đã đăng ký một đợt) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Đã xoá */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Sửa thông tin một người */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PersonUpdate"];
                };
            };
            responses: {
                /** @description Đã sửa */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/households": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách hộ gia đình trong địa bàn, tìm theo tên không dấu ("ho nguyen van an" → "Hộ Nguyễn Văn An"), phân trang */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    commune?: string;
                    /** @description Ngày đếm thành viên; mặc định hôm nay */
                    date?: string;
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Một trang */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["HouseholdListItem"][];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Thêm hộ gia đình */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["HouseholdCreate"];
                };
            };
            responses: {
                /** @description Đã thêm */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Household"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/households/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một hộ gia đình với thành viên hiện tại và các lần thay đổi thành viên */
        get: {
            parameters: {
                query?: {
                    /** @description Xem thành viên vào ngày này; mặc định hôm nay */
                    date?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Hộ gia đình */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HouseholdDetail"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Xoá hộ gia đình cùng các tư cách thành viên (không được khi đã đăng ký một đợt đánh giá) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Đã xoá */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Sửa hộ gia đình */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["HouseholdUpdate"];
                };
            };
            responses: {
                /** @description Đã sửa */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Household"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/households/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thêm một người vào hộ gia đình từ một ngày (cùng tỉnh; không trùng thời gian với tư cách đã có) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MembershipCreate"];
                };
            };
            responses: {
                /** @description Đã thêm thành viên */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Membership"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/households/{id}/members/{membershipId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kết thúc tư cách thành viên hộ gia đình vào một ngày (ngày đó không còn là thành viên) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    membershipId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MembershipEnd"];
                };
            };
            responses: {
                /** @description Đã kết thúc */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Membership"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách dòng họ trong địa bàn, tìm theo tên không dấu ("ho nguyen van an" → "Hộ Nguyễn Văn An"), phân trang */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    commune?: string;
                    /** @description Ngày đếm thành viên; mặc định hôm nay */
                    date?: string;
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Một trang */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ClanListItem"][];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Thêm dòng họ */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ClanCreate"];
                };
            };
            responses: {
                /** @description Đã thêm */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Clan"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một dòng họ với thành viên hiện tại và các lần thay đổi thành viên */
        get: {
            parameters: {
                query?: {
                    /** @description Xem thành viên vào ngày này; mặc định hôm nay */
                    date?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Dòng họ */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ClanDetail"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Xoá dòng họ cùng các tư cách thành viên (không được khi đã đăng ký một đợt đánh giá) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Đã xoá */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Sửa dòng họ */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ClanUpdate"];
                };
            };
            responses: {
                /** @description Đã sửa */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Clan"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/clans/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thêm một người vào dòng họ từ một ngày (cùng tỉnh; không trùng thời gian với tư cách đã có) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MembershipCreate"];
                };
            };
            responses: {
                /** @description Đã thêm thành viên */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Membership"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clans/{id}/members/{membershipId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kết thúc tư cách thành viên dòng họ vào một ngày (ngày đó không còn là thành viên) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    membershipId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MembershipEnd"];
                };
            };
            responses: {
                /** @description Đã kết thúc */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Membership"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/communities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách cộng đồng trong địa bàn, tìm theo tên không dấu ("ho nguyen van an" → "Hộ Nguyễn Văn An"), phân trang */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    commune?: string;
                    type?: "village" | "residential-group" | "commune";
                    /** @description Ngày đếm thành viên; mặc định hôm nay */
                    date?: string;
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Một trang */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CommunityListItem"][];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Thêm cộng đồng */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CommunityCreate"];
                };
            };
            responses: {
                /** @description Đã thêm */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Community"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/communities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một cộng đồng với thành viên hiện tại và các lần thay đổi thành viên */
        get: {
            parameters: {
                query?: {
                    /** @description Xem thành viên vào ngày này; mặc định hôm nay */
                    date?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Cộng đồng */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CommunityDetail"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Xoá cộng đồng cùng các tư cách thành viên (không được khi đã đăng ký một đợt đánh giá) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Đã xoá */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Sửa cộng đồng */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CommunityUpdate"];
                };
            };
            responses: {
                /** @description Đã sửa */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Community"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/communities/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thêm một người vào cộng đồng từ một ngày (cùng tỉnh; không trùng thời gian với tư cách đã có) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MembershipCreate"];
                };
            };
            responses: {
                /** @description Đã thêm thành viên */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Membership"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/communities/{id}/members/{membershipId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kết thúc tư cách thành viên cộng đồng vào một ngày (ngày đó không còn là thành viên) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    membershipId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MembershipEnd"];
                };
            };
            responses: {
                /** @description Đã kết thúc */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Membership"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách đơn vị trong địa bàn, tìm theo tên không dấu ("ho nguyen van an" → "Hộ Nguyễn Văn An"), phân trang */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    commune?: string;
                    type?: "agency" | "school" | "enterprise" | "other";
                    /** @description Ngày đếm thành viên; mặc định hôm nay */
                    date?: string;
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Một trang */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["UnitListItem"][];
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Thêm đơn vị */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnitCreate"];
                };
            };
            responses: {
                /** @description Đã thêm */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Unit"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một đơn vị với thành viên hiện tại và các lần thay đổi thành viên */
        get: {
            parameters: {
                query?: {
                    /** @description Xem thành viên vào ngày này; mặc định hôm nay */
                    date?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Đơn vị */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UnitDetail"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Xoá đơn vị cùng các tư cách thành viên (không được khi đã đăng ký một đợt đánh giá) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Đã xoá */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Sửa đơn vị */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnitUpdate"];
                };
            };
            responses: {
                /** @description Đã sửa */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Unit"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/units/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thêm một người vào đơn vị từ một ngày (cùng tỉnh; không trùng thời gian với tư cách đã có) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MembershipCreate"];
                };
            };
            responses: {
                /** @description Đã thêm thành viên */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Membership"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/units/{id}/members/{membershipId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kết thúc tư cách thành viên đơn vị vào một ngày (ngày đó không còn là thành viên) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    membershipId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["MembershipEnd"];
                };
            };
            responses: {
                /** @description Đã kết thúc */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Membership"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các hộ, dòng họ, cộng đồng, đơn vị mà một người thuộc về (hiện tại và trước đây) */
        get: {
            parameters: {
                query?: {
                    date?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Các nhóm của người này */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            date: string;
                            items: components["schemas"]["PersonGroup"][];
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các đợt đánh giá trong phạm vi */
        get: {
            parameters: {
                query?: {
                    year?: number;
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Danh sách */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Campaign"][];
                            total: number;
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Mở đợt đánh giá: tên, danh hiệu, bộ tiêu chí (của gói địa phương, hoặc phiên bản đã xuất bản từ trình soạn thảo; phiên bản theo mã băm), các xã, năm; lịch chép từ bộ tiêu chí theo năm của đợt. Bộ tiêu chí dự thảo, không có hiệu lực trong năm, hoặc đã có đợt cùng danh hiệu, năm, địa bàn: 409 CAMPAIGN_NEEDS_CONFIRM (kèm cảnh báo, các đợt đã có và bộ tiêu chí đang có hiệu lực) trừ khi confirm: true; trùng cả tên với đợt đã có: 409 CAMPAIGN_NAME_TAKEN */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CampaignCreate"];
                };
            };
            responses: {
                /** @description Đã mở */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một đợt đánh giá */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Đợt */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Campaign"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Các đăng ký của đợt trong phạm vi, mỗi đăng ký kèm tên đối tượng và kết quả bình xét mới nhất (tổng, đạt hay không); từng trang (limit ≤ 200, offset) với total */
        get: {
            parameters: {
                query?: {
                    status?: "registered" | "self-assessed" | "submitted" | "returned" | "reviewed" | "proposed" | "recognised" | "not-recognised" | "published" | "withdrawn" | "appealed" | "assessed" | "refused";
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Danh sách */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RegistrationListItem"][];
                            total: number;
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Đăng ký một người, hộ gia đình, dòng họ, cộng đồng hoặc đơn vị vào đợt (lặp lại thì trả về đăng ký đã có) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegistrationCreate"];
                };
            };
            responses: {
                /** @description Đã đăng ký từ trước */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registration"];
                    };
                };
                /** @description Đã đăng ký */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registration"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/registrations/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đăng ký hàng loạt từ CSV (UTF-8) hoặc Excel .xlsx (mẫu `/api/templates/people.xlsx`); dòng đầu là tên cột: fullName/ho_ten/“Họ và tên”, birthDate/ngay_sinh/“Ngày sinh” (ô ngày hoặc dd/mm/yyyy), sex/gioi_tinh, village/thon/“Thôn, tổ dân phố”, citizenId/cccd (ô Văn bản để giữ số 0 đầu), commune/ma_xa. Dòng lỗi được báo kèm số dòng, cột (chữ cái và tên cột), dòng đúng được giữ; gửi lại không tạo trùng (khoá tự nhiên: số định danh, hoặc xã + tên + ngày sinh; và header Idempotency-Key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            responses: {
                /** @description Kết quả từng dòng */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BulkRegistrationResult"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Nộp một loạt hồ sơ đã tự đánh giá cho hội đồng (tất cả hoặc không hồ sơ nào); mỗi hồ sơ được ghi nhật ký như khi nộp từng hồ sơ */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SubmissionCreate"];
                };
            };
            responses: {
                /** @description Đã nộp */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            submitted: components["schemas"]["Registration"][];
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đề nghị công nhận các hồ sơ đã bình xét (tất cả hoặc không hồ sơ nào); người đề nghị được ghi lại */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProposalCreate"];
                };
            };
            responses: {
                /** @description Đã đề nghị */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            proposed: components["schemas"]["Registration"][];
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/registrations/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đăng ký hàng loạt dòng họ, cộng đồng hoặc đơn vị (theo đối tượng của bộ tiêu chí) từ mẫu `/api/templates/{clans|communities|units}.xlsx`: mỗi dòng một nhóm (Mã nhóm, Tên, Loại, Mã xã, người đại diện, Thành viên, Đăng ký danh hiệu); thành viên bằng số định danh hoặc họ tên + ngày sinh, ở cột “Thành viên” (cách nhau bằng “;”) hoặc ở trang “Thành viên” (Excel) / tệp thứ hai `members` (multipart). Dòng lỗi được báo kèm trang, số dòng, cột; một nhóm có thành viên lỗi không được ghi (cả nhóm), các nhóm đúng được giữ; gửi lại không tạo trùng */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                    "multipart/form-data": {
                        /** Format: binary */
                        groups: string;
                        /** Format: binary */
                        members?: string;
                    };
                };
            };
            responses: {
                /** @description Kết quả từng nhóm và từng dòng lỗi */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GroupsRegistrationResult"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một hồ sơ đăng ký và các lần chấm */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Hồ sơ, các lần chấm và các tệp minh chứng */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            registration: components["schemas"]["Registration"];
                            assessments: components["schemas"]["Assessment"][];
                            evidence: components["schemas"]["EvidenceFile"][];
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registrations/{id}/self-assessment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tự đánh giá: điểm và minh chứng, chấm bằng bộ tiêu chí; quá hạn thì từ chối hoặc ghi nhận theo lịch */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["AssessmentRequest"];
                };
            };
            responses: {
                /** @description Trạng thái mới */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StepResult"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registrations/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bình xét của hội đồng: điểm, kết quả kèm phiên bản bộ tiêu chí và lời giải thích */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["AssessmentRequest"];
                };
            };
            responses: {
                /** @description Trạng thái mới */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StepResult"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registrations/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Nộp hồ sơ đã tự đánh giá */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["StepReason"];
                };
            };
            responses: {
                /** @description Trạng thái mới */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StepResult"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registrations/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trả lại hồ sơ để bổ sung minh chứng */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["StepReason"];
                };
            };
            responses: {
                /** @description Trạng thái mới */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StepResult"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registrations/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rút đăng ký (trước khi được đề nghị công nhận) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["StepReason"];
                };
            };
            responses: {
                /** @description Trạng thái mới */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StepResult"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registrations/{id}/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Khiếu nại kết quả không công nhận: một người khác bình xét lại */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["StepReason"];
                };
            };
            responses: {
                /** @description Trạng thái mới */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StepResult"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registrations/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Công bố kết quả đã công nhận */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["StepReason"];
                };
            };
            responses: {
                /** @description Trạng thái mới */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StepResult"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/assessments/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Nhập điểm hàng loạt từ CSV hoặc Excel .xlsx (mẫu `/api/templates/scores.xlsx?framework=…`): cột “Mã” là mã hồ sơ, mã người hoặc số định danh; mỗi chỉ số một cột (“Chỉ số 1.1” hoặc “1.1”). `kind=self`: tự đánh giá; `kind=committee`: bình xét của hội đồng — cùng quy tắc như chấm từng hồ sơ. Dòng lỗi được báo kèm số dòng và cột, dòng đúng được giữ; gửi lại không ghi trùng (Idempotency-Key, và dòng không đổi thì bỏ qua) */
        post: {
            parameters: {
                query: {
                    /** @description self: tự đánh giá; committee: bình xét của hội đồng */
                    kind: "self" | "committee";
                };
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            responses: {
                /** @description Kết quả từng dòng */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ScoresImportResult"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registrations/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tải lên một tệp minh chứng cho một chỉ số (PDF, JPEG, PNG, WebP, DOCX, XLSX; tối đa 10 MB) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** Format: binary */
                        file: string;
                        /** @example 1.1 */
                        indicator: string;
                    };
                };
            };
            responses: {
                /** @description Đã lưu */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EvidenceFile"];
                    };
                };
                /** @description Lỗi */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tải về một tệp minh chứng */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Nội dung tệp, kiểu đã nhận ra khi tải lên */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description Lỗi */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Gỡ một tệp minh chứng (trước khi nộp hồ sơ) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Đã gỡ */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Lỗi */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách quyết định trong địa bàn (mới nhất trước): số, ngày, người ký, danh hiệu, số hồ sơ được công nhận, đường dẫn tới quyết định và từng giấy công nhận */
        get: {
            parameters: {
                query?: {
                    campaign?: string;
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Danh sách */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DecisionListItem"][];
                            total: number;
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Ra quyết định công nhận: số, ngày, người ký; người duyệt phải khác người đề nghị (409 nếu trùng) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DecisionCreate"];
                };
            };
            responses: {
                /** @description Đã ra quyết định */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decision: components["schemas"]["Decision"];
                            registrations: components["schemas"]["Registration"][];
                            /** @description Một chứng nhận (Open Badges 3.0) cho mỗi hồ sơ được công nhận, cấp trong cùng giao dịch */
                            credentials: {
                                id: string;
                                registrationId: string;
                                verifyUrl: string;
                            }[];
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/decisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Một quyết định và các hồ sơ được công nhận */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Quyết định */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Decision"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/decisions/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Quyết định công nhận (PDF) kèm danh sách */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Quyết định */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Lỗi */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/decisions/{id}/certificates.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mọi giấy công nhận của quyết định trong một tệp PDF, mỗi giấy có mã QR tới trang xác thực công khai */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Giấy công nhận */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Lỗi */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registrations/{id}/certificate.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Giấy công nhận của một hồ sơ (409 nếu chứng nhận đã bị thu hồi) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Giấy công nhận */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Lỗi */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks/{plugin}/{id}/score-sheet.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Phiếu chấm điểm sinh từ tệp tiêu chí (công khai); `?group=` chọn nhóm đối tượng, `?year=` */
        get: {
            parameters: {
                query?: {
                    group?: string;
                    year?: string;
                };
                header?: never;
                path: {
                    plugin: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Phiếu chấm điểm */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Lỗi */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/frameworks/{plugin}/{id}/forms/{formId}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Biểu mẫu của plugin (phiếu đăng ký, bản cam kết, kế hoạch tự học, biên bản) để in — công khai, để trống */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    plugin: string;
                    id: string;
                    formId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Biểu mẫu */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Lỗi */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{kind}.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mẫu nhập liệu Excel: people | households | clans | communities | units (hai trang: các nhóm và thành viên) | scores (scores cần `?framework=plugin/id`) */
        get: {
            parameters: {
                query?: {
                    framework?: string;
                };
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Mẫu Excel */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Lỗi */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/campaigns/{id}.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Báo cáo năm (Excel, công thức thật) — cùng số liệu với báo cáo JSON; `?denominator=registered|all` */
        get: {
            parameters: {
                query?: {
                    denominator?: "registered" | "all";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Báo cáo */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Lỗi */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/campaigns/{id}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Báo cáo năm (PDF) — cùng số liệu với báo cáo JSON; `?denominator=registered|all` */
        get: {
            parameters: {
                query?: {
                    denominator?: "registered" | "all";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Báo cáo */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Lỗi */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credentials/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Chứng nhận (JSON, công khai): người nhận chỉ xuất hiện dưới dạng mã băm có muối */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Chứng nhận */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenBadgeCredential"];
                    };
                };
                /** @description Không có chứng nhận */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credentials/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Xác thực một chứng nhận (công khai): chữ ký với khóa của tỉnh, hiệu lực theo đồng hồ máy chủ, danh sách thu hồi */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OpenBadgeCredential"];
                };
            };
            responses: {
                /** @description Kết quả */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CredentialVerification"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credentials/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thu hồi chứng nhận (quản trị tỉnh): bật bit trong danh sách trạng thái của tỉnh, ký lại danh sách; ghi nhật ký */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Đã thu hồi */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            revokedAt: string;
                            statusListVersion: number;
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/status-lists/{province}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách trạng thái (BitstringStatusListCredential đã ký) của tỉnh — công khai */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    province: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Danh sách */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OpenBadgeCredential"];
                    };
                };
                /** @description Không có chứng nhận */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verify/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trang xác thực công khai (HTML, tiếng Việt): Hợp lệ / Đã thu hồi / Không hợp lệ */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Trang HTML */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/recognised": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Danh sách công khai các đối tượng đã được công nhận (chỉ quyết định đã công bố; không có ngày sinh, số định danh, liên hệ, điểm) */
        get: {
            parameters: {
                query?: {
                    province?: string;
                    commune?: string;
                    year?: number;
                    title?: string;
                    /** @description Tìm theo tên, không phân biệt dấu và hoa thường */
                    q?: string;
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Danh sách */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            offset: number;
                            limit: number;
                            items: components["schemas"]["PublicRecognition"][];
                            facets: {
                                years: number[];
                                titles: string[];
                                provinces: {
                                    code: string;
                                    name: string | null;
                                }[];
                                communes: {
                                    code: string;
                                    name: string | null;
                                    province: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quá nhiều yêu cầu: thử lại sau (Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bảng điều khiển năm: mỗi danh hiệu có đợt đánh giá — số đăng ký, đã đánh giá, được công nhận theo xã và thôn, nói rõ mẫu số (tất cả hoặc đã đăng ký), so với chỉ tiêu của bộ tiêu chí năm đó; tổng hợp hộ → dòng họ, thôn và thành viên → đơn vị */
        get: {
            parameters: {
                query: {
                    year: number;
                    /** @description Bắt buộc với tài khoản cấp quốc gia */
                    province?: string;
                    commune?: string;
                    title?: "learning-citizen" | "learning-family" | "learning-clan" | "learning-community" | "learning-unit";
                    denominator?: "registered" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Bảng điều khiển */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dashboard"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Báo cáo đợt: số lượng và tỉ lệ theo danh hiệu, nhóm đối tượng, loại địa bàn, so với chỉ tiêu; nói rõ mẫu số (đã đăng ký hay toàn bộ người dân của địa bàn) */
        get: {
            parameters: {
                query?: {
                    denominator?: "registered" | "all";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Báo cáo */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignReport"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sổ theo dõi danh hiệu 1, 3, 5 năm: các cá nhân, hộ, dòng họ, cộng đồng, đơn vị đã đăng ký và được công nhận năm nay, hoặc liên tục 3, 5 năm tính đến năm nay (quyết định còn hiệu lực); nhóm kèm người đại diện */
        get: {
            parameters: {
                query: {
                    /** @description Danh hiệu (mã của đợt) */
                    title: "learning-citizen" | "learning-family" | "learning-clan" | "learning-community" | "learning-unit";
                    year: number;
                    /** @description Một xã, phường trong phạm vi của tài khoản (mặc định: cả phạm vi) */
                    commune?: string;
                    /** @description Chỉ cho tài khoản cấp trung ương (bắt buộc với họ) */
                    province?: string;
                    /** @description Chỉ một loại đối tượng */
                    kind?: "person" | "household" | "clan" | "community" | "unit";
                    /** @description 1: đạt năm nay; 3, 5: đạt liên tục 3, 5 năm tính đến năm nay */
                    span?: 1 | 3 | 5;
                    limit?: number;
                    offset?: number | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Một trang của sổ, kèm tổng số */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegisterPage"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registers.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sổ theo dõi 1, 3, 5 năm của một danh hiệu (Excel: trang tổng hợp có công thức và một trang cho mỗi sổ) */
        get: {
            parameters: {
                query: {
                    /** @description Danh hiệu (mã của đợt) */
                    title: "learning-citizen" | "learning-family" | "learning-clan" | "learning-community" | "learning-unit";
                    year: number;
                    /** @description Một xã, phường trong phạm vi của tài khoản (mặc định: cả phạm vi) */
                    commune?: string;
                    /** @description Chỉ cho tài khoản cấp trung ương (bắt buộc với họ) */
                    province?: string;
                    /** @description Chỉ một loại đối tượng */
                    kind?: "person" | "household" | "clan" | "community" | "unit";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Sổ theo dõi */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Lỗi */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registers.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sổ theo dõi 1, 3, 5 năm của một danh hiệu (PDF) */
        get: {
            parameters: {
                query: {
                    /** @description Danh hiệu (mã của đợt) */
                    title: "learning-citizen" | "learning-family" | "learning-clan" | "learning-community" | "learning-unit";
                    year: number;
                    /** @description Một xã, phường trong phạm vi của tài khoản (mặc định: cả phạm vi) */
                    commune?: string;
                    /** @description Chỉ cho tài khoản cấp trung ương (bắt buộc với họ) */
                    province?: string;
                    /** @description Chỉ một loại đối tượng */
                    kind?: "person" | "household" | "clan" | "community" | "unit";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Sổ theo dõi */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Lỗi */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lỗi */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Kiểm tra chuỗi băm của nhật ký (chỉ quản trị nền tảng) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Kết quả */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            entries: number;
                            provinces?: string[];
                            province?: string;
                            seq?: number;
                            reason?: string;
                        };
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/registrations/import-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Đăng ký hàng loạt từ tệp CSV lớn (đến 1.000.000 dòng) hoặc Excel .xlsx (đến 20 MB) chạy nền: trả về 202 và mã công việc; xử lý theo từng khối, không tạo trùng khi chạy lại (khoá tự nhiên như đăng ký hàng loạt) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            responses: {
                /** @description Đã xếp hàng */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tiến độ và kết quả một công việc nền */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Công việc */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/recompute-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tính lại chạy nền sau khi đổi tiêu chí: chấm lại lần chấm mới nhất mỗi loại của mọi hồ sơ bằng bộ tiêu chí hiện tại của đợt, lưu thành lần chấm mới (ghi chú “tính lại”), không sửa lịch sử; trả về 202 và mã công việc */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Đã xếp hàng */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/decisions/{id}/certificates-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tạo tệp PDF mọi giấy công nhận của quyết định chạy nền (như `certificates.pdf`); tải về ở `GET /api/jobs/{id}/file` khi xong */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Đã xếp hàng */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tệp do công việc nền tạo ra (ví dụ PDF giấy công nhận); 404 khi công việc chưa xong */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tệp */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Yêu cầu sai (VALIDATION, BAD_JSON) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Chưa đăng nhập (UNAUTHENTICATED) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        PublishedFrameworkSource: components["schemas"]["PublishedFramework"] & {
            source: string;
        };
        PublishedFramework: {
            id: string;
            /** @description "locality" (quản trị nền tảng) hoặc mã tỉnh của người xuất bản */
            plugin: string;
            /** @example cdht-phu-tho-2026 */
            framework: string;
            /** @example cdht-phu-tho-2026@0123456789ab */
            version: string;
            title: string;
            contentHash: string;
            /** @enum {string} */
            status: "draft" | "published" | "retired";
            effective: {
                from: string;
                to: string | null;
            };
            publishedBy: {
                id: string | null;
                name: string | null;
            };
            publishedAt: string | null;
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            code: string;
            detail: string;
            instance?: string;
        };
        FrameworkSummary: {
            /** @example phu-tho/cdht-phu-tho-2018 */
            ref: string;
            plugin: string;
            id: string;
            title: string;
            /** @enum {string} */
            subject: "citizen" | "household" | "clan" | "community" | "commune" | "unit";
            effective: {
                from?: string;
                to?: string;
            };
            /** @enum {string} */
            status: "in-force" | "draft";
            file: string;
            locality?: {
                code: string;
                name?: string;
            };
        };
        FrameworkDetail: {
            ref: string;
            plugin: string;
            file: string;
            source: string;
            /** @description The checked model (see @hoctap/core Model) */
            model: {
                [key: string]: unknown;
            };
        };
        CheckResponse: {
            valid: boolean;
            diagnostics: components["schemas"]["Diagnostic"][];
            examples: {
                framework: string;
                name: string;
                passed: boolean;
                failures: {
                    expected: string;
                    actual: string;
                }[];
            }[];
        };
        Diagnostic: {
            code: string;
            /** @enum {string} */
            severity: "error" | "warning";
            line: number;
            column: number;
            endLine: number;
            endColumn: number;
            message: string;
            suggestion?: string;
        };
        CheckRequest: {
            source: string;
            file?: string;
        };
        PublishResult: components["schemas"]["PublishedFramework"] & {
            /** @description false: the same text was published before (HTTP 200) */
            created: boolean;
        };
        EvaluateResponse: {
            framework: string;
            results: {
                id?: string;
                total?: number;
                max?: number;
                titles?: string[];
                level?: string;
                criteria?: {
                    id: string;
                    points: number;
                    max: number;
                }[];
                explanation?: unknown;
                explanationText?: string;
                errors?: {
                    code: string;
                    field?: string;
                    message: string;
                }[];
            }[];
        };
        EvaluateRequest: {
            /** @example phu-tho/cdht-phu-tho-2018 */
            framework: string;
            subjects: components["schemas"]["Subject"][];
            year?: number;
            explain?: boolean;
        };
        Subject: {
            id?: string;
            year?: number;
            group?: string;
            attributes?: {
                [key: string]: string;
            };
            scores?: {
                [key: string]: number | boolean | null;
            };
            evidence?: {
                [key: string]: boolean | unknown[] | null;
            };
            facts?: string[];
            history?: {
                [key: string]: string[];
            };
            members?: components["schemas"]["Subject"][];
            titles?: string[];
        };
        SessionInfo: {
            user: components["schemas"]["User"];
            csrfToken: string;
        };
        User: {
            id: string;
            name: string;
            email: string;
            roles: ("platform-admin" | "province-admin" | "commune-officer" | "committee-member" | "leader" | "citizen")[];
            localities: string[];
            totp?: boolean;
            mfaEnrolmentRequired?: boolean;
        };
        /** @description Mật khẩu đúng; tài khoản có TOTP: gửi mã ở bước hai (`POST /api/auth/login/totp`) */
        MfaChallenge: {
            /** @enum {boolean} */
            mfaRequired: true;
            challenge: string;
            expiresInSeconds: number;
        };
        LoginRequest: {
            email: string;
            password: string;
        };
        LoginTotpRequest: {
            challenge: string;
            /** @description Mã 6 chữ số của ứng dụng xác thực, hoặc một mã khôi phục */
            code: string;
        };
        PasswordChange: {
            currentPassword: string;
            newPassword: string;
        };
        PasswordReset: {
            token: string;
            newPassword: string;
        };
        TotpSetup: {
            secret: string;
            uri: string;
        };
        TotpEnabled: {
            recoveryCodes: string[];
        };
        ManagedUser: {
            id: string;
            email: string;
            name: string;
            roles: ("platform-admin" | "province-admin" | "commune-officer" | "committee-member" | "leader" | "citizen")[];
            localities: string[];
            active: boolean;
            totp: boolean;
            createdAt: string;
            disabledAt: string | null;
        };
        UserCreate: {
            email: string;
            name: string;
            roles: ("platform-admin" | "province-admin" | "commune-officer" | "committee-member" | "leader" | "citizen")[];
            /** @default [] */
            localities: string[];
        };
        UserPatch: {
            name?: string;
            roles?: ("platform-admin" | "province-admin" | "commune-officer" | "committee-member" | "leader" | "citizen")[];
            localities?: string[];
        };
        /** @description Đường dẫn dùng một lần để quản trị viên trao cho người dùng (không gửi email) */
        PasswordResetLink: {
            token: string;
            url: string;
            expiresAt: string;
        };
        Person: {
            id: string;
            province: string;
            commune: string | null;
            fullName: string;
            birthDate: string | null;
            /** @enum {string|null} */
            sex: "male" | "female" | null;
            village: string | null;
            /**
             * @description Chỉ hiển thị che; số đầy đủ không bao giờ trả về
             * @example 025*******34
             */
            citizenIdMasked: string | null;
            createdAt: string;
            updatedAt: string;
        };
        PersonCreate: {
            province?: string;
            commune?: string | null;
            fullName: string;
            birthDate?: string | null;
            /** @enum {string|null} */
            sex?: "male" | "female" | null;
            village?: string | null;
            citizenId?: string | null;
        };
        PersonUpdate: {
            fullName?: string;
            birthDate?: string | null;
            /** @enum {string|null} */
            sex?: "male" | "female" | null;
            village?: string | null;
            citizenId?: string | null;
        };
        HouseholdListItem: components["schemas"]["Household"] & {
            /** @description Số thành viên vào ngày `date` */
            memberCount: number;
        };
        Household: {
            id: string;
            /** @enum {string} */
            kind: "household";
            province: string;
            commune: string | null;
            name: string;
            /** @description Thôn của hộ (chỉ hộ gia đình) */
            village: string | null;
            /** @description Không dùng cho loại nhóm này */
            type: string | null;
            createdAt: string;
        };
        HouseholdCreate: {
            province?: string;
            commune?: string | null;
            name: string;
            village?: string | null;
        };
        HouseholdDetail: components["schemas"]["Household"] & {
            /** @description Ngày xét thành viên hiện tại */
            date: string;
            /** @description Thành viên vào ngày `date` */
            members: components["schemas"]["Membership"][];
            /** @description Các tư cách thành viên khác: đã kết thúc hoặc chưa bắt đầu */
            history: components["schemas"]["Membership"][];
        };
        Membership: {
            id: string;
            personId: string;
            /** @description Họ tên thành viên; null khi người đó ngoài địa bàn của tài khoản */
            fullName: string | null;
            birthDate: string | null;
            /**
             * @description head (chủ hộ, trưởng họ, người đứng đầu) hoặc member
             * @example head
             */
            role: string;
            /**
             * @description Ngày bắt đầu (tính cả ngày này)
             * @example 2018-01-01
             */
            validFrom: string;
            /**
             * @description Ngày kết thúc (không tính ngày này); null khi còn là thành viên
             * @example null
             */
            validTo: string | null;
        };
        HouseholdUpdate: {
            name?: string;
            village?: string | null;
        };
        MembershipCreate: {
            personId: string;
            /**
             * @description head: chủ hộ / trưởng họ / người đứng đầu; mặc định member
             * @enum {string}
             */
            role?: "head" | "member";
            /** @description Mặc định: hôm nay */
            validFrom?: string;
            validTo?: string | null;
        };
        MembershipEnd: {
            /**
             * @description Ngày thôi là thành viên (không tính ngày này); mặc định hôm nay
             * @example 2018-12-31
             */
            date?: string;
        };
        ClanListItem: components["schemas"]["Clan"] & {
            /** @description Số thành viên vào ngày `date` */
            memberCount: number;
        };
        Clan: {
            id: string;
            /** @enum {string} */
            kind: "clan";
            province: string;
            commune: string | null;
            name: string;
            /** @description Thôn của hộ (chỉ hộ gia đình) */
            village: string | null;
            /** @description Không dùng cho loại nhóm này */
            type: string | null;
            createdAt: string;
        };
        ClanCreate: {
            province?: string;
            commune?: string | null;
            name: string;
        };
        ClanDetail: components["schemas"]["Clan"] & {
            /** @description Ngày xét thành viên hiện tại */
            date: string;
            /** @description Thành viên vào ngày `date` */
            members: components["schemas"]["Membership"][];
            /** @description Các tư cách thành viên khác: đã kết thúc hoặc chưa bắt đầu */
            history: components["schemas"]["Membership"][];
        };
        ClanUpdate: {
            name?: string;
        };
        CommunityListItem: components["schemas"]["Community"] & {
            /** @description Số thành viên vào ngày `date` */
            memberCount: number;
        };
        Community: {
            id: string;
            /** @enum {string} */
            kind: "community";
            province: string;
            commune: string | null;
            name: string;
            /** @description Thôn của hộ (chỉ hộ gia đình) */
            village: string | null;
            /** @description Loại cộng đồng: village (thôn, làng, bản), residential-group (tổ dân phố), commune (xã, phường) */
            type: string | null;
            createdAt: string;
        };
        CommunityCreate: {
            province?: string;
            commune?: string | null;
            name: string;
            /**
             * @description Loại cộng đồng: village (thôn, làng, bản), residential-group (tổ dân phố), commune (xã, phường)
             * @enum {string}
             */
            type: "village" | "residential-group" | "commune";
        };
        CommunityDetail: components["schemas"]["Community"] & {
            /** @description Ngày xét thành viên hiện tại */
            date: string;
            /** @description Thành viên vào ngày `date` */
            members: components["schemas"]["Membership"][];
            /** @description Các tư cách thành viên khác: đã kết thúc hoặc chưa bắt đầu */
            history: components["schemas"]["Membership"][];
        };
        CommunityUpdate: {
            name?: string;
            /**
             * @description Loại cộng đồng: village (thôn, làng, bản), residential-group (tổ dân phố), commune (xã, phường)
             * @enum {string}
             */
            type?: "village" | "residential-group" | "commune";
        };
        UnitListItem: components["schemas"]["Unit"] & {
            /** @description Số thành viên vào ngày `date` */
            memberCount: number;
        };
        Unit: {
            id: string;
            /** @enum {string} */
            kind: "unit";
            province: string;
            commune: string | null;
            name: string;
            /** @description Thôn của hộ (chỉ hộ gia đình) */
            village: string | null;
            /** @description Loại đơn vị: agency (cơ quan), school (trường học), enterprise (doanh nghiệp), other (khác) */
            type: string | null;
            createdAt: string;
        };
        UnitCreate: {
            province?: string;
            commune?: string | null;
            name: string;
            /**
             * @description Loại đơn vị: agency (cơ quan), school (trường học), enterprise (doanh nghiệp), other (khác)
             * @enum {string}
             */
            type: "agency" | "school" | "enterprise" | "other";
        };
        UnitDetail: components["schemas"]["Unit"] & {
            /** @description Ngày xét thành viên hiện tại */
            date: string;
            /** @description Thành viên vào ngày `date` */
            members: components["schemas"]["Membership"][];
            /** @description Các tư cách thành viên khác: đã kết thúc hoặc chưa bắt đầu */
            history: components["schemas"]["Membership"][];
        };
        UnitUpdate: {
            name?: string;
            /**
             * @description Loại đơn vị: agency (cơ quan), school (trường học), enterprise (doanh nghiệp), other (khác)
             * @enum {string}
             */
            type?: "agency" | "school" | "enterprise" | "other";
        };
        PersonGroup: {
            membershipId: string;
            /** @enum {string} */
            kind: "household" | "clan" | "community" | "unit";
            groupId: string;
            groupName: string | null;
            role: string;
            validFrom: string;
            validTo: string | null;
            current: boolean;
        };
        Campaign: {
            id: string;
            province: string;
            commune: string | null;
            /** @example learning-citizen */
            title: string;
            /**
             * @description Tên đợt
             * @example Công dân học tập năm 2026 — Xã Hy Cương, Phú Thọ
             */
            name: string;
            /** @description Các xã của đợt; rỗng: toàn tỉnh */
            communes: string[];
            year: number;
            framework: {
                id: string;
                plugin: string;
                version: string;
                contentHash: string;
            };
            calendar: {
                name: string;
                from?: string;
                to: string;
                /** @enum {string} */
                late?: "refuse" | "flag";
                label?: string;
            }[];
            createdAt: string;
        };
        CampaignCreate: {
            /**
             * @description Bộ tiêu chí của một gói địa phương (plugin/id); hoặc frameworkVersionId
             * @example phu-tho/cdht-phu-tho-2018
             */
            framework?: string;
            /** @description Một phiên bản đã xuất bản từ trình soạn thảo (GET /api/frameworks/published) */
            frameworkVersionId?: string;
            year: number;
            province?: string;
            /** @description Một xã (cách ghi cũ của communes: [xã]) */
            commune?: string | null;
            /**
             * @description Các xã của đợt (mã 5 chữ số, thuộc tỉnh của đợt); bỏ trống: toàn tỉnh. Cán bộ xã chỉ mở cho một xã của mình
             * @example [
             *       "07900"
             *     ]
             */
            communes?: string[];
            /**
             * @description Tên đợt (NFC, bỏ khoảng trắng đầu cuối, 1–200 ký tự); bỏ trống: đặt theo danh hiệu, năm, địa bàn (thêm "đợt 2"… khi đã có đợt)
             * @example Công dân học tập năm 2026 — Xã Hy Cương
             */
            name?: string;
            /** @enum {string} */
            title?: "learning-citizen" | "learning-family" | "learning-clan" | "learning-community" | "learning-unit";
            /** @description Xác nhận các cảnh báo (dự thảo, không có hiệu lực trong năm, đã có đợt cùng danh hiệu, năm, địa bàn); thiếu thì 409 CAMPAIGN_NEEDS_CONFIRM */
            confirm?: boolean;
        };
        Registration: {
            id: string;
            campaignId: string;
            province: string;
            commune: string | null;
            subject: {
                /** @enum {string} */
                kind: "person" | "household" | "clan" | "community" | "unit";
                id: string;
            };
            /** @enum {string} */
            status: "registered" | "self-assessed" | "submitted" | "returned" | "reviewed" | "proposed" | "recognised" | "not-recognised" | "published" | "withdrawn" | "appealed" | "assessed" | "refused";
            late: boolean;
            registeredAt: string;
            updatedAt: string;
        };
        RegistrationCreate: {
            personId: string;
        } | {
            subject: {
                /** @enum {string} */
                kind: "person" | "household" | "clan" | "community" | "unit";
                id: string;
            };
        };
        RegistrationListItem: components["schemas"]["Registration"] & {
            /** @description Tên người, hộ, dòng họ, cộng đồng hay đơn vị; null khi không xem được */
            subjectName: string | null;
            /** @description Kết quả bình xét mới nhất: tổng điểm, điểm tối đa, danh hiệu đạt, đạt hay không; null khi chưa bình xét */
            result: {
                total: number;
                max: number | null;
                titles: string[];
                passed: boolean;
                assessedAt: string;
            } | null;
        };
        BulkRegistrationResult: {
            created: number;
            existing: number;
            rows: {
                row: number;
                /** @description Người của dòng (mẫu hộ gia đình: chủ hộ) */
                personId: string;
                /** @description Mẫu hộ gia đình: hộ được đăng ký */
                householdId?: string;
                registrationId: string;
                /** @enum {string} */
                outcome: "created" | "existing";
            }[];
            /** @description Mẫu hộ gia đình: số dòng ghi “Không” ở cột Đăng ký danh hiệu */
            skipped?: number;
            errors: components["schemas"]["ImportRowError"][];
        };
        ImportRowError: {
            row: number;
            column?: string;
            header?: string;
            field?: string;
            code: string;
            message: string;
        };
        SubmissionCreate: {
            registrationIds: string[];
        };
        ProposalCreate: {
            registrationIds: string[];
        };
        GroupsRegistrationResult: {
            /** @enum {string} */
            kind: "household" | "clan" | "community" | "unit";
            created: number;
            existing: number;
            /** @description Số dòng ghi “Không” ở cột Đăng ký danh hiệu */
            skipped: number;
            /** @description Số thành viên mới được ghi vào nhóm */
            membersAdded: number;
            rows: {
                row: number;
                groupId: string;
                name: string;
                members: number;
                registrationId: string;
                /** @enum {string} */
                outcome: "created" | "existing";
                groupCreated: boolean;
            }[];
            errors: components["schemas"]["GroupsRowError"][];
        };
        GroupsRowError: {
            /** @description Trang (tệp) của dòng: “Dữ liệu” (các nhóm) hoặc “Thành viên” */
            sheet: string;
            row: number;
            column?: string;
            header?: string;
            field?: string;
            code: string;
            message: string;
        };
        Assessment: {
            id: string;
            /** @enum {string} */
            kind: "self" | "committee";
            assessedBy: string | null;
            assessedAt: string;
            scores: {
                [key: string]: number | boolean | null;
            };
            /** @description Các tệp minh chứng lần chấm dựa vào (mã, chỉ số, tên, kiểu, cỡ, sha256) */
            evidence: {
                id?: string;
                indicator?: string;
                name: string;
                mediaType: string;
                size: number;
                sha256: string;
            }[];
            result: components["schemas"]["AssessmentResult"];
        };
        /** @description Tổng, danh hiệu, xếp loại, lời giải thích; kèm phiên bản bộ tiêu chí (mã băm nội dung) */
        AssessmentResult: ({
            /** @description Phiên bản bộ tiêu chí đã chấm (mã băm nội dung) */
            framework: {
                ref: string;
                id: string;
                version: string;
                contentHash: string;
            };
            total: number;
            max: number;
            /** @description Các danh hiệu đạt, như viết trong tệp tiêu chí */
            titles: string[];
            /** @description Xếp loại, nếu bộ tiêu chí có */
            level?: string;
            criteria: {
                id: string;
                points: number;
                max: number;
            }[];
            group?: string;
            attributes?: {
                [key: string]: string;
            };
            late?: boolean;
            /** @description Thành viên được tính và thiếu dữ liệu (tiêu chí đọc kết quả thành viên) */
            members?: {
                date: string;
                year: number;
                /** @enum {string} */
                memberKind: "person" | "household";
                counted: {
                    /** @enum {string} */
                    kind: "person" | "household";
                    id: string;
                    name: string | null;
                    titles?: string[];
                    facts?: string[];
                    registrationId?: string;
                    reason?: string;
                }[];
                missing: {
                    /** @enum {string} */
                    kind: "person" | "household";
                    id: string;
                    name: string | null;
                    titles?: string[];
                    facts?: string[];
                    registrationId?: string;
                    reason?: string;
                }[];
                text: string;
            };
            memberFacts?: {
                [key: string]: string[];
            };
            /** @description Các năm trước được công nhận (từ các quyết định đã lưu, không tính hồ sơ đã rút hay giấy công nhận đã thu hồi), cho danh hiệu nhiều năm liền */
            history?: {
                from: number;
                to: number;
                years: {
                    year: number;
                    registrationId: string;
                    decision: {
                        number: string;
                        date: string;
                    };
                    titles: string[];
                }[];
                text: string;
            };
            explanation?: components["schemas"]["Explanation"] | null;
            explanationText?: string;
        } & {
            [key: string]: unknown;
        }) | null;
        Explanation: {
            text: string;
            ok?: boolean;
            children?: components["schemas"]["Explanation"][];
        };
        EvidenceFile: {
            id: string;
            registrationId: string;
            indicator: string;
            /** @description Tên tệp (NFC, đã làm sạch) */
            name: string;
            /** @description Kiểu nhận ra từ nội dung tệp */
            mediaType: string;
            size: number;
            sha256: string;
            uploadedBy: string | null;
            uploadedAt: string;
            /** @description Đường dẫn tải về */
            url: string;
        };
        StepResult: {
            registration: components["schemas"]["Registration"];
            assessment?: components["schemas"]["Assessment"];
        };
        AssessmentRequest: {
            scores: {
                [key: string]: number | boolean | null;
            };
            /** @description Mã các tệp minh chứng đã tải lên của hồ sơ; bỏ trống: mọi tệp hiện có của hồ sơ */
            evidence?: string[];
            group?: string;
            attributes?: {
                [key: string]: string;
            };
            notes?: string;
            /** @description Hồ sơ của nhóm: các sự kiện (mã) nhóm xác nhận cho từng thành viên (mã người hoặc mã hộ → mã sự kiện); thành viên không có dòng nào là thiếu dữ liệu */
            memberFacts?: {
                [key: string]: string[];
            };
        };
        StepReason: {
            reason?: string;
        };
        ScoresImportResult: {
            /** @enum {string} */
            kind: "self" | "committee";
            recorded: number;
            unchanged: number;
            rows: {
                row: number;
                registrationId: string;
                /** @enum {string} */
                outcome: "recorded" | "unchanged";
                assessmentId?: string;
                /** @enum {string} */
                status: "registered" | "self-assessed" | "submitted" | "returned" | "reviewed" | "proposed" | "recognised" | "not-recognised" | "published" | "withdrawn" | "appealed" | "assessed" | "refused";
                total: number | null;
                /**
                 * @description Hồ sơ đã tự đánh giá nhưng chưa nộp: được nộp trong cùng giao dịch (có ghi nhật ký)
                 * @enum {boolean}
                 */
                submitted?: true;
            }[];
            errors: components["schemas"]["ImportRowError"][];
        };
        Decision: {
            id: string;
            campaignId: string;
            province: string;
            commune: string | null;
            number: string;
            decidedOn: string;
            signer: string;
            proposerId: string;
            approverId: string;
            recognised: string[];
            /** @description Các hồ sơ quyết định không công nhận */
            notRecognised: string[];
        };
        DecisionCreate: {
            campaignId: string;
            /** @example 125/QĐ-UBND */
            number: string;
            decidedOn: string;
            /** @example Chủ tịch UBND xã */
            signer: string;
            /** @default [] */
            recognised: string[];
            /** @default [] */
            notRecognised: string[];
        };
        DecisionListItem: components["schemas"]["Decision"] & {
            /** @description Mã danh hiệu của đợt, ví dụ learning-citizen */
            title: string;
            /** @description Tên đợt */
            campaignName: string;
            year: number;
            recognisedCount: number;
            notRecognisedCount: number;
            /** @description Số hồ sơ quyết định xét: công nhận và không công nhận */
            subjectCount: number;
            links: {
                decisionPdf: string;
                /** @description Tất cả giấy công nhận của quyết định; null khi không công nhận ai */
                certificatesPdf: string | null;
                /** @description Giấy công nhận của từng hồ sơ, in lại được bất cứ lúc nào */
                certificates: {
                    registrationId: string;
                    pdf: string;
                    /** @description Mã chứng nhận (Open Badges) của hồ sơ; dùng để thu hồi */
                    credentialId: string | null;
                    verifyUrl: string | null;
                    /** @description Thời điểm thu hồi; null khi còn hiệu lực */
                    revokedAt: string | null;
                }[];
            };
        };
        /** @description Open Badges 3.0 OpenBadgeCredential (VC 2.0, DataIntegrityProof eddsa-jcs-2022) */
        OpenBadgeCredential: {
            [key: string]: unknown;
        };
        CredentialVerification: {
            /** @enum {string} */
            status: "valid" | "revoked" | "forged" | "expired" | "not-yet-valid";
            reason: string;
            statusChecked: boolean;
        };
        PublicRecognition: {
            name: string;
            subjectKind: string;
            province: {
                code: string;
                name: string | null;
            };
            commune: {
                code: string;
                name: string;
            } | null;
            village: string | null;
            title: string;
            year: number;
            decision: {
                number: string;
                date: string;
                signer: string;
            };
        };
        Dashboard: {
            year: number;
            province: string;
            commune: string | null;
            denominator: {
                /** @enum {string} */
                kind: "registered" | "all";
                description: string;
            };
            counts: {
                all: string;
                registered: string;
                assessed: string;
                recognised: string;
            };
            titles: {
                /** @enum {string} */
                title: "learning-citizen" | "learning-family" | "learning-clan" | "learning-community" | "learning-unit";
                name: string;
                /** @enum {string} */
                subjectKind: "person" | "household" | "clan" | "community" | "unit";
                noun: string;
                campaigns: {
                    id: string;
                    commune: string | null;
                    framework: string;
                }[];
                frameworks: string[];
                area: components["schemas"]["DashboardArea"];
                communes: {
                    /** @enum {string} */
                    level: "area" | "commune" | "village";
                    commune: string | null;
                    communeName: string | null;
                    village: string | null;
                    /** @description Tất cả đối tượng cùng loại trong địa bàn */
                    all: number;
                    registered: number;
                    assessed: number;
                    recognised: number;
                    denominator: number;
                    share: number;
                    /** @example 1.234 / 5.678 hộ (tất cả hộ trong xã Minh Quân) */
                    text: string;
                    titles: {
                        name: string;
                        count: number;
                    }[];
                    targets: {
                        framework: string;
                        title: string;
                        text: string;
                        population: string | null;
                        condition: string | null;
                        /** @description Chỉ tiêu, % */
                        required: number;
                        numerator: number;
                        denominator: number;
                        /** @description Đã đạt, % (2 chữ số thập phân) */
                        achieved: number;
                        /** @description Đã đạt − chỉ tiêu, điểm phần trăm (âm khi còn thiếu) */
                        gap: number;
                        met: boolean;
                        shortBy: number;
                    }[];
                    villages: components["schemas"]["DashboardArea"][];
                }[];
                unmeasuredTargets: {
                    framework: string;
                    text: string;
                    reason: string;
                }[];
            }[];
            rollups: {
                date: string;
                clans: components["schemas"]["DashboardRollup"][];
                villages: components["schemas"]["DashboardRollup"][];
                units: components["schemas"]["DashboardRollup"][];
            };
        };
        DashboardArea: {
            /** @enum {string} */
            level: "area" | "commune" | "village";
            commune: string | null;
            communeName: string | null;
            village: string | null;
            /** @description Tất cả đối tượng cùng loại trong địa bàn */
            all: number;
            registered: number;
            assessed: number;
            recognised: number;
            denominator: number;
            share: number;
            /** @example 1.234 / 5.678 hộ (tất cả hộ trong xã Minh Quân) */
            text: string;
            titles: {
                name: string;
                count: number;
            }[];
            targets: {
                framework: string;
                title: string;
                text: string;
                population: string | null;
                condition: string | null;
                /** @description Chỉ tiêu, % */
                required: number;
                numerator: number;
                denominator: number;
                /** @description Đã đạt, % (2 chữ số thập phân) */
                achieved: number;
                /** @description Đã đạt − chỉ tiêu, điểm phần trăm (âm khi còn thiếu) */
                gap: number;
                met: boolean;
                shortBy: number;
            }[];
        };
        DashboardRollup: {
            /** @enum {string} */
            kind: "household" | "clan" | "community" | "unit";
            id: string;
            name: string;
            commune: string | null;
            communeName: string | null;
            type: string | null;
            /** @enum {string} */
            memberKind: "person" | "household";
            title: string;
            members: number;
            holders: number;
            missing: number;
            share: number;
            text: string;
        };
        CampaignReport: {
            campaignId: string;
            year: number;
            framework: {
                ref: string;
                contentHash: string;
            };
            denominator: {
                /** @enum {string} */
                kind: "registered" | "all";
                count: number;
                description: string;
            };
            statuses: {
                [key: string]: number;
            };
            recognised: number;
            titles: {
                key: string;
                count: number;
                share: number;
            }[];
            groups: {
                key: string;
                count: number;
                share: number;
            }[];
            areaKinds: {
                key: string;
                count: number;
                share: number;
            }[];
            targets: {
                text: string;
                required: number;
                share: number;
                numerator: number;
                denominator: number;
                met: boolean;
                shortBy: number;
            }[];
        };
        RegisterPage: {
            title: string;
            titleName: string;
            year: number;
            span: 1 | 3 | 5;
            /** @example Đạt 3 năm liên tục (2018–2020), tính đến năm 2020 */
            description: string;
            locality: {
                province: string;
                /** @description null: cả tỉnh */
                communes: string[] | null;
            };
            items: components["schemas"]["RegisterEntry"][];
            /** @description Tổng số trong sổ (mọi trang) */
            total: number;
        };
        RegisterEntry: {
            registrationId: string;
            subject: {
                /** @enum {string} */
                kind: "person" | "household" | "clan" | "community" | "unit";
                id: string;
                /** @description Họ tên của cá nhân, hoặc tên hộ, dòng họ, cộng đồng, đơn vị */
                name: string;
            };
            /** @description Người đại diện của nhóm (chủ hộ, trưởng họ, trưởng thôn, thủ trưởng đơn vị) vào ngày cuối năm của sổ; null với cá nhân */
            representative: {
                role: string;
                name: string;
            } | null;
            village: string | null;
            commune: {
                code: string;
                name: string | null;
            } | null;
            province: string;
            /** @description Các năm được công nhận danh hiệu (đến năm của sổ), tăng dần */
            years: number[];
            /** @description Số năm liên tục được công nhận tính đến năm của sổ */
            consecutive: number;
            /** @description Quyết định công nhận của năm của sổ */
            decision: {
                number: string;
                /** @description yyyy-mm-dd */
                date: string;
            };
            /** @description Giấy công nhận của năm của sổ */
            certificatePdf: string;
        };
        Job: {
            id: string;
            kind: string;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
            progress: {
                done: number;
                total: number | null;
                percent: number;
            };
            attempts: number;
            result: {
                [key: string]: unknown;
            } | null;
            error: string | null;
            createdAt: string;
            updatedAt: string;
            finishedAt: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
