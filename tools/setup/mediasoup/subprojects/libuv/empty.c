/* Intentionally empty: mediasoup links this subproject's library "whole"; the code comes from
   Debian's shared library (see meson.build). */
