package dev.machinemarkets.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.mongodb.MongoException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Turns every failure into the error envelope; a client never sees a stack trace. */
@RestControllerAdvice
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);
    private static final int STORE_RETRY_AFTER_SECONDS = 2;

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> api(ApiException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.code().status());
        if (e instanceof ServiceUnavailableException unavailable) {
            log.warn("answering 503: {}", e.getMessage(), e.getCause());
            response.header(HttpHeaders.RETRY_AFTER, Integer.toString(unavailable.retryAfterSeconds()));
        }
        return response.body(ErrorBody.of(e.code(), e.getMessage(), e.details()));
    }

    @ExceptionHandler(MongoException.class)
    ResponseEntity<ErrorBody> store(MongoException e) {
        return api(new ServiceUnavailableException("the store (MongoDB) is unavailable; retry later",
                STORE_RETRY_AFTER_SECONDS, e));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorBody> invalidBody(MethodArgumentNotValidException e) {
        List<FieldIssue> issues = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            issues.add(new FieldIssue(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> issues.add(new FieldIssue(error.getObjectName(), error.getDefaultMessage())));
        return api(ApiException.invalid(issues));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorBody> invalidParameters(HandlerMethodValidationException e) {
        List<FieldIssue> issues = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> issues.add(
                new FieldIssue(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return api(ApiException.invalid(issues));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return api(unreadableBody(e.getCause()));
    }

    static ApiException unreadableBody(Throwable cause) {
        if (cause instanceof StreamReadException) {
            return ApiException.invalid("body", "is not well-formed JSON");
        }
        if (cause instanceof JacksonException jackson) {
            String field = fieldPath(jackson);
            if (cause instanceof UnrecognizedPropertyException) {
                return ApiException.invalid(field, "is not a known field");
            }
            if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                return ApiException.invalid(field, "must be one of " + WireEnum.values(invalid.getTargetType()));
            }
            if (cause instanceof ValueInstantiationException) {
                return ApiException.invalid(field, rootMessage(cause));
            }
            if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                return ApiException.invalid(field, "must be " + describe(mismatched.getTargetType()));
            }
            return ApiException.invalid(field, "has the wrong type or format");
        }
        return ApiException.invalid("body", "a JSON request body is required");
    }

    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
        return api(ApiException.invalid(e.getName(), "has the wrong type or format"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
        return api(ApiException.invalid(e.getParameterName(), "is required"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorBody> missingHeader(MissingRequestHeaderException e) {
        return api(ApiException.invalid(e.getHeaderName(), "header is required"));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ErrorBody> noRoute(Exception e) {
        return api(new ApiException(ErrorCode.NOT_FOUND, "no such route"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return api(new ApiException(ErrorCode.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported on this route"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return api(new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return api(new ApiException(ErrorCode.INTERNAL_ERROR, "an unexpected error occurred; it has been logged"));
    }
}
