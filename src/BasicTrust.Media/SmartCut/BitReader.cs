namespace BasicTrust.Media.SmartCut;

/// <summary>Reads an H.264 NAL unit's payload bit by bit (emulation prevention bytes removed), with Exp-Golomb codes.</summary>
sealed class BitReader
{
    readonly List<byte> _rbsp = [];
    int _bit;

    /// <summary>Skips the one-byte NAL header and drops each 0x03 that follows two zero bytes.</summary>
    public BitReader(byte[] nal)
    {
        for (var i = 1; i < nal.Length; i++)
            if (!(nal[i] == 3 && i >= 3 && nal[i - 1] == 0 && nal[i - 2] == 0)) _rbsp.Add(nal[i]);
    }

    public int Bits(int count)
    {
        var value = 0;
        for (var i = 0; i < count; i++, _bit++)
        {
            if (_bit >= _rbsp.Count * 8) throw new InvalidDataException("The parameter set ends early.");
            value = (value << 1) | ((_rbsp[_bit / 8] >> (7 - _bit % 8)) & 1);
        }
        return value;
    }

    public bool Flag() => Bits(1) == 1;

    /// <summary>ue(v).</summary>
    public int Unsigned()
    {
        var zeros = 0;
        while (Bits(1) == 0) if (++zeros > 31) throw new InvalidDataException("Exp-Golomb code too long.");
        return (1 << zeros) - 1 + Bits(zeros);
    }

    /// <summary>se(v).</summary>
    public int Signed()
    {
        var code = Unsigned();
        return code % 2 == 1 ? (code + 1) / 2 : -(code / 2);
    }

    /// <summary>True while payload bits remain before the RBSP stop bit.</summary>
    public bool MoreData()
    {
        var last = _rbsp.Count * 8 - 1;
        while (last >= 0 && ((_rbsp[last / 8] >> (7 - last % 8)) & 1) == 0) last--;
        return _bit < last;
    }
}
