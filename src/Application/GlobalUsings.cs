// FluentValidation has a ValidationException too; in this project the name means the semantic one the API maps to 400.
global using ValidationException = VideoTube.Application.Common.Exceptions.ValidationException;
