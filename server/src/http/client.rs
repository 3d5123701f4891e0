//! Who is asking: the client's address, taken from one forwarding header (`X-Forwarded-For` by
//! default, or `Forwarded`: `VIGIA_CLIENT_IP_HEADER`) only when the connection comes from a
//! proxy Vigía was told to trust (`VIGIA_TRUSTED_PROXIES`), so per-address limits do not lock
//! out everyone behind a reverse proxy, and nobody else can choose the address they are
//! counted under. Only one header is read: a proxy that appends to `X-Forwarded-For` passes a
//! client's own `Forwarded` through untouched, and reading it too let clients pick an address.

use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use http::request::Parts;
use http::HeaderMap;
use ipnet::IpNet;
use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use crate::http::state::AppState;
use crate::settings::ClientIpHeader;

/// Every value of a header that may be sent several times, each split at its commas.
fn elements<'h>(headers: &'h HeaderMap, name: &str) -> impl Iterator<Item = &'h str> {
    headers
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
}

/// The address in one `Forwarded` element's `for=` (`for=1.2.3.4`, `for="[2001:db8::1]:80"`).
fn forwarded_for(element: &str) -> Option<IpAddr> {
    element.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        if !key.eq_ignore_ascii_case("for") {
            return None;
        }
        let value = value.trim().trim_matches('"');
        let host = match value.strip_prefix('[') {
            Some(v6) => v6.split(']').next()?,
            None => value.split(':').next()?,
        };
        host.parse().ok()
    })
}

/// The addresses the chosen header names, nearest proxy last. An element that is not an
/// address (`unknown`, an obfuscated name) is skipped.
fn forwarded_chain(headers: &HeaderMap, header: ClientIpHeader) -> Vec<IpAddr> {
    match header {
        ClientIpHeader::Forwarded => elements(headers, "forwarded")
            .filter_map(forwarded_for)
            .collect(),
        ClientIpHeader::XForwardedFor => elements(headers, "x-forwarded-for")
            .filter_map(|a| a.trim().parse().ok())
            .collect(),
    }
}

/// The client's address: the peer, unless the peer is a trusted proxy; then the rightmost
/// address in `header` that is not itself a trusted proxy.
pub fn resolve(
    peer: IpAddr,
    headers: &HeaderMap,
    trusted: &[IpNet],
    header: ClientIpHeader,
) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    forwarded_chain(headers, header)
        .into_iter()
        .rev()
        .find(|ip| !is_trusted(ip))
        .unwrap_or(peer)
}

/// The key per-address limits count under: IPv6 clients by their /64, since one household
/// or phone usually holds a whole /64.
pub fn limit_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => {
            let segments = v6.segments();
            IpAddr::V6(Ipv6Addr::new(
                segments[0],
                segments[1],
                segments[2],
                segments[3],
                0,
                0,
                0,
                0,
            ))
        }
    }
}

/// The client's address for a request: its peer (`0.0.0.0` when the server was not given
/// peers, as in tests), resolved through trusted proxies.
pub fn of_request(
    extensions: &http::Extensions,
    headers: &HeaderMap,
    trusted: &[IpNet],
    header: ClientIpHeader,
) -> IpAddr {
    let peer = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |ConnectInfo(addr)| {
            addr.ip()
        });
    resolve(peer, headers, trusted, header)
}

/// The client's address as a handler sees it.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddress(pub IpAddr);

impl<S> FromRequestParts<S> for ClientAddress
where
    S: Send + Sync,
    AppState: FromRef<S>,
{
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Infallible> {
        let settings = &AppState::from_ref(state).settings;
        Ok(Self(of_request(
            &parts.extensions,
            &parts.headers,
            &settings.trusted_proxies,
            settings.client_ip_header,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| (http::HeaderName::from_static(k), v.parse().unwrap()))
            .collect()
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    const XFF: ClientIpHeader = ClientIpHeader::XForwardedFor;
    const FORWARDED: ClientIpHeader = ClientIpHeader::Forwarded;

    #[test]
    fn forwarding_headers_count_only_from_trusted_proxies() {
        let trusted: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        let spoofed = headers(&[("x-forwarded-for", "1.2.3.4")]);
        assert_eq!(
            resolve(ip("203.0.113.5"), &spoofed, &trusted, XFF),
            ip("203.0.113.5")
        );
        assert_eq!(
            resolve(ip("10.0.0.2"), &spoofed, &trusted, XFF),
            ip("1.2.3.4")
        );
        // The client prepended a lie; the proxy appended what it saw.
        let chain = headers(&[("x-forwarded-for", "9.9.9.9, 198.51.100.7, 10.0.0.3")]);
        assert_eq!(
            resolve(ip("10.0.0.2"), &chain, &trusted, XFF),
            ip("198.51.100.7")
        );
        let forwarded = headers(&[(
            "forwarded",
            "for=9.9.9.9, for=\"[2001:db8::1]:4711\";proto=https",
        )]);
        assert_eq!(
            resolve(ip("10.0.0.2"), &forwarded, &trusted, FORWARDED),
            ip("2001:db8::1")
        );
        assert_eq!(
            resolve(ip("10.0.0.2"), &HeaderMap::new(), &trusted, XFF),
            ip("10.0.0.2")
        );
    }

    #[test]
    fn only_the_chosen_header_is_read() {
        let trusted: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        // nginx appended the client's address to X-Forwarded-For and passed through the
        // Forwarded header the client made up.
        let both = headers(&[
            ("forwarded", "for=10.9.9.9"),
            ("x-forwarded-for", "198.51.100.7"),
        ]);
        assert_eq!(
            resolve(ip("10.0.0.2"), &both, &trusted, XFF),
            ip("198.51.100.7")
        );
        let only_forwarded = headers(&[("forwarded", "for=203.0.114.1")]);
        assert_eq!(
            resolve(ip("10.0.0.2"), &only_forwarded, &trusted, XFF),
            ip("10.0.0.2"),
            "a Forwarded header is not read when X-Forwarded-For was chosen"
        );
        assert_eq!(
            resolve(ip("10.0.0.2"), &both, &trusted, FORWARDED),
            ip("10.0.0.2"),
            "a trusted address named in Forwarded is skipped, leaving the proxy"
        );
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_slash_64() {
        assert_eq!(limit_key(ip("2001:db8:1:2:aaaa::1")), ip("2001:db8:1:2::"));
        assert_eq!(limit_key(ip("2001:db8:1:2:bbbb::9")), ip("2001:db8:1:2::"));
        assert_eq!(limit_key(ip("198.51.100.7")), ip("198.51.100.7"));
    }
}
