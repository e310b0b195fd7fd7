namespace Kubelike.Benchmarks;

/// <summary>A plain-text table: columns of figures are right-aligned so digits line up, the others left-aligned.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
            throw new ArgumentException($"a row of {cells.Length} cells in a table of {headers.Length} columns", nameof(cells));
        _rows.Add(cells);
    }

    public void Write(TextWriter writer)
    {
        var widths = headers.Select((header, column) => _rows.Select(row => row[column].Length).Append(header.Length).Max()).ToArray();
        var right = headers.Select((_, column) => _rows.Count > 0 && _rows.All(row => IsFigure(row[column]))).ToArray();
        WriteRow(writer, headers, widths, right);
        writer.WriteLine("  " + string.Join("  ", widths.Select(width => new string('-', width))));
        foreach (var row in _rows)
            WriteRow(writer, row, widths, right);
    }

    private static bool IsFigure(string cell) => cell.Length > 0 && (char.IsAsciiDigit(cell[0]) || cell == "-");

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths, bool[] right) =>
        writer.WriteLine("  " + string.Join("  ", cells.Select((cell, column) => right[column] ? cell.PadLeft(widths[column]) : cell.PadRight(widths[column]))).TrimEnd());
}
