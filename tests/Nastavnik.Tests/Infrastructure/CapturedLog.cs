using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Nastavnik.Tests.Infrastructure;

/// <summary>One structured log entry as the app wrote it: event, level, text and the named fields.</summary>
public sealed record LogEntry(EventId Event, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Fields);

/// <summary>A logger provider that keeps what the app logs, so tests can check the events an operator would search for.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(CapturedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || eventId.Id == 0) return;
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
            log._entries.Enqueue(new LogEntry(eventId, logLevel, formatter(state, exception), fields));
        }
    }
}
