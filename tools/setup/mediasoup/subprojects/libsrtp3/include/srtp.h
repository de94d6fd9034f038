// libsrtp 3 → libsrtp 2 compatibility header for mediasoup's worker (Maillage, tools/setup).
//
// mediasoup 3.19 is written against libsrtp 3 (separate input/output buffers, size_t lengths,
// srtp_stream_remove, two more error codes). Debian bookworm packages libsrtp 2.5, whose calls
// work in place on one buffer with int lengths. mediasoup includes <srtp.h>; this file is found
// first (the libsrtp3 pass-through subproject puts this folder on the include path), includes
// Debian's <srtp2/srtp.h> and adds C++ overloads with the libsrtp 3 signatures: copy the input
// into the output buffer, then protect/unprotect in place. Only the calls mediasoup makes are
// covered; mki_index must be 0 (mediasoup never uses MKI).
#ifndef MAILLAGE_SRTP3_COMPAT_H
#define MAILLAGE_SRTP3_COMPAT_H

#include <srtp2/srtp.h>

#ifdef __cplusplus
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>

// Error codes libsrtp 3 added after srtp_err_status_pkt_idx_adv (27). The enum's range covers
// them, so they can be stored and compared like the others.
constexpr srtp_err_status_t srtp_err_status_buffer_small = static_cast<srtp_err_status_t>(28);
constexpr srtp_err_status_t srtp_err_status_cryptex_err = static_cast<srtp_err_status_t>(29);

namespace maillage_srtp3_compat
{
	using InPlace = srtp_err_status_t (*)(srtp_t, void*, int*);

	inline srtp_err_status_t Apply(
	  InPlace fn,
	  srtp_t ctx,
	  const uint8_t* in,
	  size_t inLen,
	  uint8_t* out,
	  size_t* outLen,
	  size_t growth)
	{
		if (inLen > static_cast<size_t>(INT_MAX) - growth || *outLen < inLen + growth)
			return srtp_err_status_buffer_small;
		if (out != in)
			std::memmove(out, in, inLen);
		int len = static_cast<int>(inLen);
		const srtp_err_status_t err = fn(ctx, out, &len);
		if (err == srtp_err_status_ok)
			*outLen = static_cast<size_t>(len);
		return err;
	}
} // namespace maillage_srtp3_compat

inline srtp_err_status_t srtp_protect(
  srtp_t ctx, const uint8_t* rtp, size_t rtpLen, uint8_t* srtp, size_t* srtpLen, size_t mkiIndex)
{
	if (mkiIndex != 0)
		return srtp_err_status_bad_mki;
	return maillage_srtp3_compat::Apply(
	  ::srtp_protect, ctx, rtp, rtpLen, srtp, srtpLen, SRTP_MAX_TRAILER_LEN);
}

inline srtp_err_status_t srtp_unprotect(
  srtp_t ctx, const uint8_t* srtp, size_t srtpLen, uint8_t* rtp, size_t* rtpLen)
{
	return maillage_srtp3_compat::Apply(::srtp_unprotect, ctx, srtp, srtpLen, rtp, rtpLen, 0);
}

inline srtp_err_status_t srtp_protect_rtcp(
  srtp_t ctx, const uint8_t* rtcp, size_t rtcpLen, uint8_t* srtcp, size_t* srtcpLen, size_t mkiIndex)
{
	if (mkiIndex != 0)
		return srtp_err_status_bad_mki;
	// SRTCP adds the trailer plus the 4-byte E flag/index word.
	return maillage_srtp3_compat::Apply(
	  ::srtp_protect_rtcp, ctx, rtcp, rtcpLen, srtcp, srtcpLen, SRTP_MAX_TRAILER_LEN + 4);
}

inline srtp_err_status_t srtp_unprotect_rtcp(
  srtp_t ctx, const uint8_t* srtcp, size_t srtcpLen, uint8_t* rtcp, size_t* rtcpLen)
{
	return maillage_srtp3_compat::Apply(::srtp_unprotect_rtcp, ctx, srtcp, srtcpLen, rtcp, rtcpLen, 0);
}

// libsrtp 3 renamed srtp_remove_stream.
inline srtp_err_status_t srtp_stream_remove(srtp_t session, uint32_t ssrc)
{
	return srtp_remove_stream(session, ssrc);
}
#endif // __cplusplus

#endif // MAILLAGE_SRTP3_COMPAT_H
