//! Who is asking: the client's address, taken from `Forwarded` or `X-Forwarded-For` only when
//! the connection comes from a proxy Vigía was told to trust (`VIGIA_TRUSTED_PROXIES`), so
//! per-address limits do not lock out everyone behind a reverse proxy, and nobody else can
//! choose the address they are counted under.

use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use http::request::Parts;
use http::HeaderMap;
use ipnet::IpNet;
use std::convert::Infallible;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use crate::state::AppState;

/// The addresses named in the forwarding headers, nearest proxy last.
fn forwarded_chain(headers: &HeaderMap) -> Vec<IpAddr> {
    if let Some(forwarded) = headers.get("forwarded").and_then(|v| v.to_str().ok()) {
        let chain: Vec<IpAddr> = forwarded
            .split(',')
            .filter_map(|element| {
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
            })
            .collect();
        if !chain.is_empty() {
            return chain;
        }
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect()
}

/// The client's address: the peer, unless the peer is a trusted proxy; then the rightmost
/// forwarded address that is not itself a trusted proxy.
pub fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    forwarded_chain(headers)
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
        let state = AppState::from_ref(state);
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip())
            .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED));
        Ok(Self(resolve(
            peer,
            &parts.headers,
            &state.settings.trusted_proxies,
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

    #[test]
    fn forwarding_headers_count_only_from_trusted_proxies() {
        let trusted: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        let spoofed = headers(&[("x-forwarded-for", "1.2.3.4")]);
        assert_eq!(
            resolve(ip("203.0.113.5"), &spoofed, &trusted),
            ip("203.0.113.5")
        );
        assert_eq!(resolve(ip("10.0.0.2"), &spoofed, &trusted), ip("1.2.3.4"));
        // The client prepended a lie; the proxy appended what it saw.
        let chain = headers(&[("x-forwarded-for", "9.9.9.9, 198.51.100.7, 10.0.0.3")]);
        assert_eq!(
            resolve(ip("10.0.0.2"), &chain, &trusted),
            ip("198.51.100.7")
        );
        let forwarded = headers(&[(
            "forwarded",
            "for=9.9.9.9, for=\"[2001:db8::1]:4711\";proto=https",
        )]);
        assert_eq!(
            resolve(ip("10.0.0.2"), &forwarded, &trusted),
            ip("2001:db8::1")
        );
        assert_eq!(
            resolve(ip("10.0.0.2"), &HeaderMap::new(), &trusted),
            ip("10.0.0.2")
        );
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_slash_64() {
        assert_eq!(limit_key(ip("2001:db8:1:2:aaaa::1")), ip("2001:db8:1:2::"));
        assert_eq!(limit_key(ip("2001:db8:1:2:bbbb::9")), ip("2001:db8:1:2::"));
        assert_eq!(limit_key(ip("198.51.100.7")), ip("198.51.100.7"));
    }
}
