export { CONFERENCING_MEDIASOUP_MANIFEST, MediasoupConferencingAdapter, conferencingMediasoupAdapter, type MediasoupConferencingConfig } from './conferencing-mediasoup.adapter';
